package holder

import (
	"slices"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

// TestAttribute checks the two steps of Resolve: Attribute gives every
// sentence a provisional holder, the same whatever stance the sentences
// already hold; Resolve then keeps holders for the sentences that take a
// side, where a group of staff speaks for the organization before it only
// when that argued the same side.
func TestAttribute(t *testing.T) {
	sents := []string{
		"-The [Home Office|O] said companies must open their systems.",
		"+Officials said encryption protects everyone.",
		"=The bill passed on Tuesday.",
	}
	fresh := markup(sents...)
	for i := range fresh.Sentences {
		fresh.Sentences[i].Stance = doc.Stance{}
	}
	Attribute(fresh).Release()
	labeled := markup(sents...)
	a := Attribute(labeled)
	want := []string{"Home Office", "Home Office", doc.Author}
	if got := holders(labeled); !slices.Equal(got, want) {
		t.Errorf("provisional holders %q, want %q", got, want)
	}
	if got := holders(fresh); !slices.Equal(got, want) {
		t.Errorf("provisional holders of unlabeled sentences %q, want %q", got, want)
	}
	a.Resolve()
	if got, want := holders(labeled), []string{"Home Office", "Officials", "-"}; !slices.Equal(got, want) {
		t.Errorf("holders after Resolve %q, want %q", got, want)
	}
	again := holders(labeled)
	a.Resolve() // a second call, and Release after it, do nothing
	a.Release()
	if got := holders(labeled); !slices.Equal(got, again) {
		t.Errorf("holders after a second Resolve %q, want %q", got, again)
	}
	empty := &doc.Doc{}
	Attribute(empty).Resolve()
	if empty.Sentences != nil {
		t.Errorf("a document without sentences changed: %+v", empty)
	}
}
