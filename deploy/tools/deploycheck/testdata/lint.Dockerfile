FROM debian:12.11 as base
USER 1000
