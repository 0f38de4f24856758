//go:build unix

package bench

import (
	"os"
	"runtime"
	"syscall"
	"time"
)

// peakRSS returns the peak resident set size in bytes of the exited
// process ps, or 0 if the system does not report it.
func peakRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	return maxrssBytes(ru)
}

// selfPeakRSS returns the peak resident set size in bytes of this process
// so far, or 0 if the system does not report it.
func selfPeakRSS() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return maxrssBytes(&ru)
}

// maxrssBytes returns ru's maxrss in bytes: Apple systems count it in
// bytes, the others in kibibytes.
func maxrssBytes(ru *syscall.Rusage) int64 {
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss)
	}
	return int64(ru.Maxrss) << 10
}

// selfCPU returns the user plus system time this process has used so far,
// or 0 if the system does not report it.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
