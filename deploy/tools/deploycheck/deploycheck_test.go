package main

import (
	"strings"
	"testing"
)

func TestTheProjectsDeploymentFilesPass(t *testing.T) {
	for _, f := range []string{"../../docker/lumigator.Dockerfile", "../../docker/ray.Dockerfile"} {
		r, err := CheckDockerfile(f)
		if err != nil || len(r.Problems) > 0 {
			t.Errorf("%s: %v %v", f, err, r.Problems)
		}
	}
	r, err := CheckCompose("../../compose/compose.yaml", "../../compose/.env.example")
	if err != nil || len(r.Problems) > 0 {
		t.Errorf("compose: %v %v", err, r.Problems)
	}
	if r.Services < 10 {
		t.Errorf("compose: %d services loaded", r.Services)
	}
}

func TestBadDockerfilesAreCaught(t *testing.T) {
	cases := map[string]string{
		"no-user.Dockerfile":             `sets no USER`,
		"latest.Dockerfile":              `uses the floating tag latest`,
		"root.Dockerfile":                `runs as root`,
		"unknown-instruction.Dockerfile": `invalid instruction`,
		"lint.Dockerfile":                `BuildKit check FromAsCasing`,
		"arg-without-default.Dockerfile": `is empty`,
	}
	for file, want := range cases {
		r, err := CheckDockerfile("testdata/" + file)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		expectProblem(t, file, r.Problems, want)
	}
}

func TestBadComposeFilesAreCaught(t *testing.T) {
	cases := map[string][]string{
		"compose-bad.yaml": {
			`uses ${UNDOCUMENTED}, which testdata/env.example does not document`,
			`documents UNUSED, which the file does not use`,
			`image "postgres" has no tag`,
			`waits for "db" to be healthy, but "db" has no health check`,
		},
		"compose-schema.yaml": {`does not load`},
		"compose-build.yaml": {
			`builds target "missing", which root.Dockerfile does not define`,
		},
	}
	for file, wants := range cases {
		r, err := CheckCompose("testdata/"+file, "testdata/env.example")
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, want := range wants {
			expectProblem(t, file, r.Problems, want)
		}
	}
}

func expectProblem(t *testing.T, file string, problems []string, want string) {
	t.Helper()
	for _, p := range problems {
		if strings.Contains(p, want) {
			return
		}
	}
	t.Errorf("%s: no problem containing %q in %q", file, want, problems)
}
