//go:build !unix

package bench

import (
	"os"
	"time"
)

// peakRSS returns 0: this system's process states carry no peak resident
// set size.
func peakRSS(*os.ProcessState) int64 { return 0 }

// selfPeakRSS returns 0: this system reports no peak resident set size.
func selfPeakRSS() int64 { return 0 }

// selfCPU returns 0: this system reports no CPU time of the process.
func selfCPU() time.Duration { return 0 }
