package dev.onair.bench;

final class PublisherIdle {
    static void main(String[] args) {}
}
