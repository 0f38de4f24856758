package bench

import (
	"runtime"
	"testing"
)

func TestMeasureProse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads prose's model")
	}
	procs := runtime.GOMAXPROCS(0)
	texts := []string{"Amber Rudd said there must be no safe space for terrorists.", "", "Apple refused."}
	res, err := MeasureProse(texts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles != len(texts) || res.Load <= 0 || res.Run <= 0 {
		t.Errorf("got %+v", res)
	}
	if got := runtime.GOMAXPROCS(0); got != procs {
		t.Errorf("GOMAXPROCS is %d after MeasureProse, was %d", got, procs)
	}
}
