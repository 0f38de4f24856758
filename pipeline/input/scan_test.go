package input

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// jsonCases are JSON texts, valid and not, that the scanner must judge as
// encoding/json does.
var jsonCases = []string{
	`{}`, ` { } `, `{"a":1}`, `{"a":1,}`, `{"a" 1}`, `{"a":}`, `{,}`, `{"a":1 "b":2}`,
	`{"a":[]}`, `{"a":[1,2,[3,{}]]}`, `{"a":[1,]}`, `{"a":[,1]}`, `{"a":[1 2]}`,
	`{"a":{"b":{"c":null}}}`, `{"a":{"b":1,}}`, `{"a":{1:2}}`,
	`{"a":true,"b":false,"c":null}`, `{"a":tru}`, `{"a":nul}`, `{"a":truex}`, `{"a":True}`,
	`{"a":0}`, `{"a":-0}`, `{"a":01}`, `{"a":-}`, `{"a":1.}`, `{"a":.5}`, `{"a":1.5e10}`,
	`{"a":1E+2}`, `{"a":1e-2}`, `{"a":1e}`, `{"a":1e+}`, `{"a":+1}`, `{"a":0x10}`, `{"a":-12.25E-3}`,
	`{"a":"\"\\\/\b\f\n\r\t"}`, `{"a":"\u00e9\uD83D\uDE00"}`, `{"a":"\x"}`, `{"a":"\u12"}`,
	`{"a":"\u12g4"}`, "{\"a\":\"tab\there\"}", "{\"a\":\"nul\x00\"}", "{\"a\":\"\xff\xfe\"}",
	`{"a":"unterminated}`, `{"a":"x"`, `{"a":1}}`, `{"a":1} x`, `{"a":1}{}`, `[1]`, `"s"`,
	`1`, `null`, ``, ` `, `{`, `}`, `{"a"`, `{"a":`, `{"a\"b":1}`, `{"":1}`, `{"a":[}`,
	`{"a":{]}`, `{"a":[{]}]}`, "{\t\"a\"\r\n:\n1\t}",
	`{"a":` + strings.Repeat("[", maxDepth-1) + strings.Repeat("]", maxDepth-1) + `}`,
	`{"a":` + strings.Repeat("[", maxDepth) + strings.Repeat("]", maxDepth) + `}`,
	`{"a":` + strings.Repeat(`{"b":`, maxDepth-1) + `1` + strings.Repeat("}", maxDepth-1) + `}`,
	`{"a":` + strings.Repeat(`{"b":`, maxDepth) + `1` + strings.Repeat("}", maxDepth) + `}`,
	`{"a":` + strings.Repeat("[", 200000),
}

// isJSONObject reports whether encoding/json reads b as one JSON object.
func isJSONObject(b []byte) bool {
	var m map[string]json.RawMessage
	return json.Unmarshal(b, &m) == nil && m != nil
}

func TestScannerMatchesEncodingJSON(t *testing.T) {
	var p fieldParser
	p.init("text", "id")
	for _, c := range jsonCases {
		if got, want := p.object([]byte(c)), isJSONObject([]byte(c)); got != want {
			t.Errorf("object(%.60q) = %v, want %v", c, got, want)
		}
	}
}

func TestDecodeStringMatchesEncodingJSON(t *testing.T) {
	tests := []struct {
		quoted               string
		badBytes, badEscapes int
	}{
		{`""`, 0, 0},
		{`"plain ascii"`, 0, 0},
		{`"caf\u00e9 café"`, 0, 0},
		{`"\"\\\/\b\f\n\r\t"`, 0, 0},
		{`"\u0000 nul"`, 0, 0},
		{`"pair \ud83d\ude00 end"`, 0, 0},
		{`"lone high \ud83d end"`, 0, 1},
		{`"lone low \ude00 end"`, 0, 1},
		{`"high then letter \ud83d\u0041"`, 0, 1},
		{`"two highs \ud83d\ud83d\ude00"`, 0, 1},
		{`"high at end \ud83d"`, 0, 1},
		{"\"bad \xff byte\"", 1, 0},
		{"\"cut \xe2\x82 seq\\n\"", 2, 0},
		{"\"surrogate bytes \xed\xa0\x80\"", 3, 0},
		{"\"overlong \xc0\xaf \\u00e9\"", 2, 0},
		{"\"replacement char \ufffd kept\"", 0, 0},
	}
	for _, tt := range tests {
		var want string
		if err := json.Unmarshal([]byte(tt.quoted), &want); err != nil {
			t.Fatalf("bad test case %q: %v", tt.quoted, err)
		}
		got, _ := decodeString(nil, []byte(tt.quoted))
		if got.text != want || got.badBytes != tt.badBytes || got.badEscapes != tt.badEscapes {
			t.Errorf("decodeString(%q) = %q, %d bad bytes, %d bad escapes; want %q, %d, %d",
				tt.quoted, got.text, got.badBytes, got.badEscapes, want, tt.badBytes, tt.badEscapes)
		}
	}
}

func TestRepairUTF8MatchesRangeLoop(t *testing.T) {
	for _, s := range []string{"", "ok", "caf\xc3\xa9", "a\xffb", "\xe2\x82", "\xed\xa0\x80x", "\xf4\x90\x80\x80", "\x00\x01\x7f"} {
		var want strings.Builder
		bad := 0
		for i, r := range s {
			want.WriteRune(r)
			if r == '\ufffd' && !strings.HasPrefix(s[i:], "\ufffd") {
				bad++
			}
		}
		got, _ := repairUTF8(nil, []byte(s))
		if got.text != want.String() || got.badBytes != bad {
			t.Errorf("repairUTF8(%q) = %q, %d; want %q, %d", s, got.text, got.badBytes, want.String(), bad)
		}
	}
}

func TestParseFields(t *testing.T) {
	tests := []struct {
		line     string
		text, id string // raw values wanted; "" for absent
		wantErr  string
	}{
		{`{"text":"a","id":"x"}`, `"a"`, `"x"`, ""},
		{`{"id" : 7 , "text" : "a" }`, `"a"`, `7`, ""},
		{`{"text":"a","text":"b"}`, `"b"`, "", ""},
		{`{"te\u0078t":"esc"}`, `"esc"`, "", ""},
		{`{"Text":"case"}`, "", "", ""},
		{`{"body":{"text":"nested"}}`, "", "", ""},
		{`{"text":[1,{"a":2}],"id":null}`, `[1,{"a":2}]`, `null`, ""},
		{`[1]`, "", "", "line is not a JSON object: it is an array"},
		{` "s"`, "", "", "line is not a JSON object: it is a string"},
		{`null`, "", "", "line is not a JSON object: it is null"},
		{`12`, "", "", "line is not a JSON object: it is a number"},
		{`{"text":"a",}`, "", "", "invalid JSON at byte 13: invalid character '}' looking for beginning of object key string"},
		{`{"text":"a"`, "", "", "invalid JSON at byte 11: unexpected end of JSON input"},
		{strings.Repeat("[", 200000), "", "", "invalid JSON at byte 10001: invalid character '[' exceeded max depth"},
	}
	var p fieldParser
	p.init("text", "id")
	for _, tt := range tests {
		err := p.parse([]byte(tt.line))
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if gotErr != tt.wantErr || string(p.vals[fieldText]) != tt.text || string(p.vals[fieldID]) != tt.id {
			t.Errorf("parse(%.40q) = text %s, id %s, error %q; want %s, %s, %q",
				tt.line, p.vals[fieldText], p.vals[fieldID], gotErr, tt.text, tt.id, tt.wantErr)
		}
	}
}

func TestPlainWord(t *testing.T) {
	plain := func(w uint64) bool {
		for range 8 {
			if c := byte(w); c < ' ' || c == '"' || c == '\\' {
				return false
			}
			w >>= 8
		}
		return true
	}
	interesting := []byte{0x00, 0x01, 0x1f, ' ', '!', '"', '#', '[', '\\', ']', 0x7f, 0x80, 0xa2, 0xdc, 0xff}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var w uint64
		for range 8 {
			c := interesting[rng.IntN(len(interesting))]
			if rng.IntN(3) == 0 {
				c = byte(rng.Uint32())
			}
			w = w<<8 | uint64(c)
		}
		if got, want := plainWord(w), plain(w); got != want {
			t.Fatalf("plainWord(%#016x) = %v, want %v", w, got, want)
		}
	}
}
