# Two commands do all set-up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
STACK := deploy/local/stack.sh
MVN := mvn -B -q
DATA ?= $(CURDIR)/.lumigator

.PHONY: run stop status build test unit-test install-tools deploy-check clean

## Build everything (jobs jar, API and worker executables) without running tests.
build:
	$(MVN) -DskipTests install

## Bring up the whole local stack (Temporal + UI, Ray head, S3Proxy, worker, API): builds and
## installs at once, then starts; prints each step's seconds at the end.
run:
	@deploy/local/run.sh

## Stop everything `make run` started.
stop:
	@$(STACK) stop all

status:
	@$(STACK) status

install-tools:
	@$(STACK) install

## All tests: unit and workflow tests, then integration tests against the real local stack.
## Starts what the tests need (reusing a running stack) and stops only what it started.
test:
	@deploy/local/run-tests.sh

## Check the deployment files (deploy/docker, deploy/compose, deploy/k8s) without an engine or cluster.
deploy-check:
	@deploy/tools/deploy-check.sh

## Unit and workflow tests only (no stack needed).
unit-test:
	mvn -B install

clean:
	mvn -B -q clean
