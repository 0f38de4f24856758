package report

import (
	_ "embed"
	"html/template"
	"sync"
)

// pageHTML is the template of the report page.
//
//go:embed page.html.tmpl
var pageHTML string

// pageTemplate returns the template that renders a page, parsed by the
// first call so that programs that link this package but write no report
// do not pay for it at start-up. Its function c formats an SVG coordinate.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Funcs(template.FuncMap{"c": coord}).Parse(pageHTML))
})
