package dev.onair.bench;

final class PiMemory {
    static void main(String[] args) {}
}
