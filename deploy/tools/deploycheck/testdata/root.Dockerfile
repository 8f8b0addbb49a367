FROM debian:12.11
USER root
