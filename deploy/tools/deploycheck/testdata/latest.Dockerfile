FROM ubuntu:latest
USER 1000
