package dev.onair.bench;

final class StartUp {
    static void main(String[] args) {}
}
