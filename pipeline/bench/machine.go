package bench

import (
	"bytes"
	"os"
	"runtime"
	"strconv"
)

// Machine describes where a benchmark ran.
type Machine struct {
	// CPUs is runtime.NumCPU().
	CPUs int
	// Go is the Go version, as runtime.Version reports it.
	Go string
	// Platform is GOOS/GOARCH.
	Platform string
	// Load holds the system's 1-minute load averages sampled during the
	// run (at its start and end); it is empty where the system does not
	// report them.
	Load []float64
}

// thisMachine describes the machine this process runs on, with its load
// average now.
func thisMachine() Machine {
	m := Machine{CPUs: runtime.NumCPU(), Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	m.sampleLoad()
	return m
}

// sampleLoad appends the current 1-minute load average to m.Load, if the
// system reports it (in /proc/loadavg).
func (m *Machine) sampleLoad() {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return
	}
	field, _, _ := bytes.Cut(data, []byte{' '})
	if x, err := strconv.ParseFloat(string(field), 64); err == nil {
		m.Load = append(m.Load, x)
	}
}

// busy reports whether the load during the run exceeded the number of
// CPUs plus one, so that other processes took CPU time from the measured
// ones (which alone keep at most the CPUs and the harness busy).
func (m Machine) busy() bool {
	for _, x := range m.Load {
		if x > float64(m.CPUs+1) {
			return true
		}
	}
	return false
}
