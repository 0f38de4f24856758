package beampipe

import "testing"

func TestTallyCheck(t *testing.T) {
	tests := []struct {
		t  Tally
		ok bool
	}{
		{Tally{}, true},
		{Tally{Read: 10, Written: 7, Failed: 3}, true},
		{Tally{Read: 10, Written: 7, Failed: 2}, false},
		{Tally{Read: 10, Written: 10, Failed: 1}, false},
	}
	for _, tt := range tests {
		if err := tt.t.Check(); (err == nil) != tt.ok {
			t.Errorf("%+v.Check() = %v, want ok %v", tt.t, err, tt.ok)
		}
	}
}
