package main

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// DockerfileReport is what CheckDockerfile found: the buildable targets and any problems.
type DockerfileReport struct {
	Targets  []Target
	Stages   []string
	Problems []string
}

// Target is a stage meant to be built (`--target`, or the last stage): not only a base or a
// COPY --from source of another stage.
type Target struct {
	Name        string
	User        string
	Healthcheck bool
}

var argRef = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?`)

// CheckDockerfile parses a Dockerfile with BuildKit's own parser and instruction parser (the
// frontend `docker build` uses), treats BuildKit's build-check warnings as problems, and checks
// that external base images are pinned and that every target runs as a non-root user.
func CheckDockerfile(path string) (DockerfileReport, error) {
	var report DockerfileReport
	data, err := os.ReadFile(path)
	if err != nil {
		return report, err
	}
	problem := func(format string, args ...any) {
		report.Problems = append(report.Problems, path+": "+fmt.Sprintf(format, args...))
	}
	ast, err := parser.Parse(bytes.NewReader(data))
	if err != nil {
		problem("does not parse: %v", err)
		return report, nil
	}
	for _, w := range ast.Warnings {
		problem("parser warning: %s", w.Short)
	}
	lint := linter.New(&linter.Config{
		Warn: func(rule, description, url, msg string, location []parser.Range) {
			line := 0
			if len(location) > 0 {
				line = location[0].Start.Line
			}
			problem("line %d: BuildKit check %s: %s", line, rule, msg)
		},
	})
	stages, metaArgs, err := instructions.Parse(ast.AST, lint)
	if err != nil {
		problem("invalid instruction: %v", err)
		return report, nil
	}
	defaults := map[string]string{}
	for _, a := range metaArgs {
		for _, kv := range a.Args {
			if kv.Value != nil {
				defaults[kv.Key] = *kv.Value
			}
		}
	}
	byName := map[string]int{}
	used := map[string]bool{} // stages other stages build on or copy from
	for i, s := range stages {
		if s.Name != "" {
			byName[strings.ToLower(s.Name)] = i
			report.Stages = append(report.Stages, s.Name)
		}
		base := expandArgs(s.BaseName, defaults)
		if _, internal := byName[strings.ToLower(base)]; internal {
			used[strings.ToLower(base)] = true
		} else if msg := unpinned(base); msg != "" {
			problem("stage %q: base image %q %s", stageName(s, i), base, msg)
		}
		for _, c := range s.Commands {
			if cp, ok := c.(*instructions.CopyCommand); ok && cp.From != "" {
				used[strings.ToLower(cp.From)] = true
			}
		}
	}
	for i, s := range stages {
		last := i == len(stages)-1
		if !last && (s.Name == "" || used[strings.ToLower(s.Name)]) {
			continue
		}
		user, health := inherited(stages, i, byName, defaults)
		t := Target{Name: stageName(s, i), User: user, Healthcheck: health}
		report.Targets = append(report.Targets, t)
		switch {
		case user == "":
			problem("target %q sets no USER: it would run as the base image's user", t.Name)
		case isRoot(user):
			problem("target %q runs as root (USER %s)", t.Name, user)
		}
	}
	return report, nil
}

// inherited walks a stage and the stages it is built on: the last USER and whether a
// HEALTHCHECK (other than NONE) applies.
func inherited(stages []instructions.Stage, i int, byName map[string]int, defaults map[string]string) (string, bool) {
	var user string
	var health, healthSeen bool
	seen := map[int]bool{}
	for !seen[i] {
		seen[i] = true
		s := stages[i]
		for j := len(s.Commands) - 1; j >= 0; j-- {
			switch c := s.Commands[j].(type) {
			case *instructions.UserCommand:
				if user == "" {
					user = c.User
				}
			case *instructions.HealthCheckCommand:
				if !healthSeen {
					healthSeen = true
					health = c.Health != nil && !(len(c.Health.Test) > 0 && c.Health.Test[0] == "NONE")
				}
			}
		}
		parent, ok := byName[strings.ToLower(expandArgs(s.BaseName, defaults))]
		if !ok {
			break
		}
		i = parent
	}
	return user, health
}

func expandArgs(s string, defaults map[string]string) string {
	return argRef.ReplaceAllStringFunc(s, func(m string) string {
		return defaults[argRef.FindStringSubmatch(m)[1]]
	})
}

// unpinned explains why an image reference is not pinned, or returns "".
func unpinned(ref string) string {
	if ref == "" {
		return "is empty (an ARG without a default?)"
	}
	if ref == "scratch" || strings.Contains(ref, "@sha256:") {
		return ""
	}
	name := ref[strings.LastIndex(ref, "/")+1:]
	i := strings.LastIndex(name, ":")
	if i < 0 {
		return "has no tag (would float to latest)"
	}
	if name[i+1:] == "latest" {
		return "uses the floating tag latest"
	}
	return ""
}

func isRoot(user string) bool {
	u := strings.SplitN(user, ":", 2)[0]
	return u == "root" || u == "0"
}

func stageName(s instructions.Stage, i int) string {
	if s.Name != "" {
		return s.Name
	}
	return fmt.Sprintf("#%d", i)
}
