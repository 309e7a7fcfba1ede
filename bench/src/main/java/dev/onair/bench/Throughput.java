package dev.onair.bench;

final class Throughput {
    static void main(String[] args) {}
}
