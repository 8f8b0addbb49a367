// Command deploycheck checks Lumigator's deployment files without a container engine:
//
//	deploycheck dockerfile FILE...                  parse as BuildKit does, lint, check pins and users
//	deploycheck compose -env-file ENV [-print] FILE  load as `docker compose config` does (-print:
//	                                                and print the result), check variables, images,
//	                                                builds and health conditions
//
// It prints one line per problem and exits 1 when there is any.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var problems []string
	var err error
	switch os.Args[1] {
	case "dockerfile":
		if len(os.Args) < 3 {
			usage()
		}
		for _, path := range os.Args[2:] {
			var report DockerfileReport
			report, err = CheckDockerfile(path)
			if err != nil {
				break
			}
			for _, t := range report.Targets {
				fmt.Printf("%s: target %q runs as %q, healthcheck: %v\n", path, t.Name, t.User, t.Healthcheck)
			}
			problems = append(problems, report.Problems...)
		}
	case "compose":
		fs := flag.NewFlagSet("compose", flag.ExitOnError)
		envFile := fs.String("env-file", "", "the documented environment (.env.example)")
		print := fs.Bool("print", false, "print the resolved file, as `docker compose config` does")
		_ = fs.Parse(os.Args[2:])
		if *envFile == "" || fs.NArg() != 1 {
			usage()
		}
		var report ComposeReport
		report, err = CheckCompose(fs.Arg(0), *envFile)
		if err == nil && *print {
			os.Stdout.Write(report.Resolved)
		}
		if err == nil {
			fmt.Printf("%s: %d services, %d variables, all documented in %s\n",
				fs.Arg(0), report.Services, report.Variables, *envFile)
			problems = report.Problems
		}
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, "problem:", p)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: deploycheck dockerfile FILE... | deploycheck compose -env-file ENV [-print] FILE")
	os.Exit(2)
}
