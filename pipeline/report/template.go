package report

import (
	_ "embed"
	"html/template"
)

// pageHTML is the template of the report page.
//
//go:embed page.html.tmpl
var pageHTML string

// pageTemplate renders a page. Its function c formats an SVG coordinate.
var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{"c": coord}).Parse(pageHTML))
