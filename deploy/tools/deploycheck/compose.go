package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/dotenv"
	"github.com/compose-spec/compose-go/v2/template"
	"github.com/compose-spec/compose-go/v2/types"
	"gopkg.in/yaml.v3"
)

// ComposeReport is what CheckCompose found.
type ComposeReport struct {
	Services  int
	Variables int
	Problems  []string
	Resolved  []byte // the project as `docker compose config` would print it
}

// CheckCompose loads a Compose file the way `docker compose config` does (compose-go: the
// Compose Specification's JSON schema, interpolation, consistency of references), with only the
// documented environment file as environment, then checks what the loader does not: that the
// variables used and documented are the same set, that pulled images are pinned, that builds
// point at existing Dockerfiles and stages, and that service_healthy waits on a health check.
func CheckCompose(path, envFile string) (ComposeReport, error) {
	var report ComposeReport
	problem := func(format string, args ...any) {
		report.Problems = append(report.Problems, path+": "+fmt.Sprintf(format, args...))
	}
	documented, err := dotenv.GetEnvFromFile(map[string]string{}, []string{envFile})
	if err != nil {
		return report, fmt.Errorf("reading %s: %w", envFile, err)
	}

	raw, err := os.ReadFile(path)
	if err != nil {
		return report, err
	}
	var dict map[string]any
	if err := yaml.Unmarshal(raw, &dict); err != nil {
		problem("not YAML: %v", err)
		return report, nil
	}
	used := template.ExtractVariables(dict, template.DefaultPattern)
	report.Variables = len(used)
	for _, name := range sortedKeys(used) {
		if _, ok := documented[name]; !ok {
			problem("uses ${%s}, which %s does not document", name, envFile)
		}
	}
	for _, name := range sortedKeys(documented) {
		if _, ok := used[name]; !ok {
			problem("%s documents %s, which the file does not use", envFile, name)
		}
	}

	dir := filepath.Dir(path)
	options, err := cli.NewProjectOptions([]string{path},
		cli.WithWorkingDirectory(dir), cli.WithEnvFiles(envFile), cli.WithDotEnv)
	if err != nil {
		return report, err
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		problem("does not load: %v", err)
		return report, nil
	}
	report.Services = len(project.Services)
	if report.Resolved, err = project.MarshalYAML(); err != nil {
		return report, err
	}
	for _, name := range sortedKeys(project.Services) {
		s := project.Services[name]
		checkImage(s, dir, problem)
		for dep, d := range s.DependsOn {
			if d.Condition == types.ServiceConditionHealthy && !hasHealthcheck(project.Services[dep], dir) {
				problem("service %q waits for %q to be healthy, but %q has no health check", name, dep, dep)
			}
		}
	}
	return report, nil
}

func checkImage(s types.ServiceConfig, dir string, problem func(string, ...any)) {
	if s.Build == nil {
		if s.Image == "" {
			problem("service %q has neither image nor build", s.Name)
		} else if msg := unpinned(s.Image); msg != "" {
			problem("service %q: image %q %s", s.Name, s.Image, msg)
		}
		return
	}
	if s.Image == "" {
		problem("service %q builds an image but names none (set image:)", s.Name)
	}
	report, err := buildDockerfile(s, dir)
	if err != nil {
		problem("service %q: %v", s.Name, err)
		return
	}
	if s.Build.Target != "" && !contains(report.Stages, s.Build.Target) {
		problem("service %q builds target %q, which %s does not define (stages %v)",
			s.Name, s.Build.Target, s.Build.Dockerfile, report.Stages)
	}
}

func buildDockerfile(s types.ServiceConfig, dir string) (DockerfileReport, error) {
	context := s.Build.Context
	if !filepath.IsAbs(context) {
		context = filepath.Join(dir, context)
	}
	dockerfile := s.Build.Dockerfile
	if dockerfile == "" {
		dockerfile = "Dockerfile"
	}
	if !filepath.IsAbs(dockerfile) {
		dockerfile = filepath.Join(context, dockerfile)
	}
	if _, err := os.Stat(dockerfile); err != nil {
		return DockerfileReport{}, fmt.Errorf("build dockerfile %s: %w", dockerfile, err)
	}
	return CheckDockerfile(dockerfile)
}

func hasHealthcheck(s types.ServiceConfig, dir string) bool {
	if s.HealthCheck != nil {
		return !s.HealthCheck.Disable
	}
	if s.Build == nil {
		return false // a pulled image's own HEALTHCHECK cannot be seen from here
	}
	report, err := buildDockerfile(s, dir)
	if err != nil {
		return false
	}
	for _, t := range report.Targets {
		if (s.Build.Target == "" || strings.EqualFold(t.Name, s.Build.Target)) && t.Healthcheck {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
