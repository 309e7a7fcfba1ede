package dev.onair.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.publisher.install.JvmFlags;
import dev.onair.testsupport.OutsideTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each benchmark once with tiny parameters, so none of them rots. The figures themselves are not judged here. */
class BenchSmokeIT {
    @Test
    void statusLatency_measuresEveryChangeOnBothLegs() throws Exception {
        List<StatusLatency.Run> runs = StatusLatency.measure(10, 1, 2);

        assertThat(runs).hasSize(1);
        StatusLatency.Run run = runs.get(0);
        assertThat(run.lost()).isZero();
        assertThat(run.total()).hasSize(10);
        assertThat(run.toBroker()).hasSize(10);
        // The observer and the display are both subscribers: either may hear of a change first.
        assertThat(run.toBroker()).allMatch(ms -> ms > 0);
        assertThat(run.total()).allMatch(ms -> ms > 0);
    }

    @Test
    void piMemory_readsTheResidentMemoryOfThreeLiveNodes() throws Exception {
        double[] row = PiMemory.run(NodeProcess.PI_FLAGS, false, 100, 2, 0);

        assertThat(row).hasSize(8);
        for (double mib : row) {
            assertThat(mib).isGreaterThan(10);
        }
        assertThat(row[3]).isEqualTo(row[0] + row[1] + row[2]);
    }

    @Test
    void startUp_brokerAcceptsBeforeItsFirstConnack_displayShowsRetainedState() throws Exception {
        double[] row = StartUp.run(NodeProcess.PI_FLAGS, false);

        assertThat(row[0]).isPositive().isLessThanOrEqualTo(row[1]);
        assertThat(row[2]).isPositive();
    }

    @Test
    void publisherIdle_countsCpuBytesAndMemory() throws Exception {
        PublisherIdle.Result result = PublisherIdle.run(2, null, JvmFlags.publisher());

        assertThat(result.cpuMsPerMin()).isGreaterThanOrEqualTo(0);
        assertThat(result.bytesUpPerMin()).isGreaterThanOrEqualTo(0);
        assertThat(result.bytesDownPerMin()).isGreaterThanOrEqualTo(0);
        assertThat(result.rssEnd()).isPositive();
        assertThat(result.rssMax()).isGreaterThanOrEqualTo(result.rssEnd());
    }

    @Test
    void sseFanOut_deliversEveryChangeToEveryStream() throws Exception {
        SseFanOut.Result result = SseFanOut.measure(5, 3);

        assertThat(result.streaming()).isEqualTo(5);
        assertThat(result.refused()).isZero();
        assertThat(result.latencies()).hasSize(5 * 2); // the first change is a warm-up
        assertThat(result.allReached()).hasSize(2);
    }

    @Test
    void badLogins_measuresGoodConnectsAndDeliveriesDuringAnAttack() throws Exception {
        BadLogins.Result result = BadLogins.measure(4, 3, false);

        assertThat(result.goodConnects()).isNotEmpty();
        assertThat(result.goodFailures()).isZero();
        assertThat(result.deliveries()).isNotEmpty();
        assertThat(result.badAttempts()).isPositive();
        assertThat(result.badCodes()).doesNotContainKey(0);
    }

    @Test
    void throughput_drivesBothBrokers() throws Exception {
        OutsideTool.require(Files.isExecutable(Path.of("/usr/sbin/mosquitto")), "Debian's mosquitto is not installed");

        Throughput.Result onair = Throughput.onAir(2, 200, 20, false);
        Throughput.Result mosquitto = Throughput.mosquitto(2, 200, 20);

        assertThat(onair.rate()).isPositive();
        assertThat(onair)
                .extracting(r -> r.lost(), r -> r.unacknowledged(), r -> r.duplicates())
                .containsExactly(0L, 0L, 0L);
        assertThat(onair.subscriberDropped()).isNull();
        assertThat(mosquitto.rate()).isPositive();
        assertThat(mosquitto)
                .extracting(r -> r.lost(), r -> r.unacknowledged(), r -> r.duplicates())
                .containsExactly(0L, 0L, 0L);
        assertThat(mosquitto.subscriberDropped()).isNull();
    }
}
