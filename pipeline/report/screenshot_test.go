package report_test

import (
	"context"
	"encoding/json"
	"flag"
	"image"
	"image/color"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stancer/stancer/pipeline/report"
	"github.com/stancer/stancer/pipeline/summary"
	"github.com/stancer/stancer/pipeline/summary/summarytest"
)

var screenshotFile = flag.String("screenshot", "", "keep the screenshot of TestScreenshot in this PNG file")

// The size of the browser window of the screenshot.
const shotWidth, shotHeight = 1200, 2000

// chromium returns the path of a Chromium or Chrome binary, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	return ""
}

// TestScreenshot renders the report of a synthetic corpus in headless
// Chromium and checks the picture: not blank, and showing the favor,
// against and neutral colours of the charts in quantity.
func TestScreenshot(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the report in Chromium: skipped with -short")
	}
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium binary on PATH: install the Debian package with 'apt-get install -y chromium' to run this test")
	}
	base, err := summarytest.Load(corpusPath)
	if err != nil {
		t.Fatal(err)
	}
	lines, err := summarytest.Synthesize(base, 600, 8)
	if err != nil {
		t.Fatal(err)
	}
	b := report.NewBuilder()
	for _, line := range lines {
		var r summary.Record
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatal(err)
		}
		b.Add(&r)
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, render(t, b, report.Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "report.png")
	img := screenshot(t, bin, page, shot, dir)
	if *screenshotFile != "" {
		data, err := os.ReadFile(shot)
		if err != nil || os.WriteFile(*screenshotFile, data, 0o644) != nil {
			t.Errorf("cannot keep the screenshot in %s", *screenshotFile)
		}
	}

	if got := img.Bounds().Size(); got != (image.Point{shotWidth, shotHeight}) {
		t.Errorf("screenshot of %v pixels, want %dx%d", got, shotWidth, shotHeight)
	}
	colours := map[color.RGBA]int{}
	nonWhite := 0
	counts := map[string]int{}
	marks := map[string]color.RGBA{
		"favor":   {0x1f, 0x5f, 0xa8, 0xff},
		"against": {0xb3, 0x47, 0x00, 0xff},
		"neutral": {0x76, 0x76, 0x76, 0xff},
	}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			colours[c]++
			if c.R < 0xf0 || c.G < 0xf0 || c.B < 0xf0 {
				nonWhite++
			}
			for name, m := range marks {
				if near(c, m) {
					counts[name]++
				}
			}
		}
	}
	total := bounds.Dx() * bounds.Dy()
	t.Logf("%d colours, %.1f%% not white, mark pixels %v", len(colours), 100*float64(nonWhite)/float64(total), counts)
	if len(colours) < 50 || nonWhite < total/20 {
		t.Errorf("the screenshot looks blank: %d colours, %d of %d pixels not white", len(colours), nonWhite, total)
	}
	// The bar charts alone paint thousands of pixels of each colour.
	for name := range marks {
		if counts[name] < 3000 {
			t.Errorf("%d pixels of the %s colour, want 3000 or more: are the charts drawn?", counts[name], name)
		}
	}
}

// screenshot renders the page at path in headless Chromium into the PNG
// file shot, with a fresh profile in dir, and returns the image.
func screenshot(t *testing.T, bin, path, shot, dir string) image.Image {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--hide-scrollbars", "--user-data-dir="+filepath.Join(dir, "profile"), "--screenshot="+shot,
		"--window-size=1200,2000", u.String())
	cmd.WaitDelay = 10 * time.Second
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("decoding the screenshot: %v", err)
	}
	return img
}

// near reports whether c is within a small distance of m in every
// channel.
func near(c, m color.RGBA) bool {
	d := func(a, b uint8) bool { return a-b < 6 || b-a < 6 }
	return d(c.R, m.R) && d(c.G, m.G) && d(c.B, m.B)
}
