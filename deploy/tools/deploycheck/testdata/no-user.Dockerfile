FROM debian:12.11
RUN true
