package dev.onair.bench;

final class SseFanOut {
    static void main(String[] args) {}
}
