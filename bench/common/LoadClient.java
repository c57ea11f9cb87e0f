import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A closed-loop HTTP/1.1 load client: N keep-alive connections driven by one thread (one selector, like
 * wrk and ab, so that the client takes little of the CPU it shares with the server), each connection
 * sending its next request as soon as the previous answer is read, for a given time. Every request's
 * latency (request written to answer fully read) goes into a histogram of 1 µs buckets: the
 * percentiles are those of all requests, not of a sample.
 * <p>
 * Written because wrk's latency figures on this machine contradict its own request rate: at one
 * connection to nginx, 22,700 requests/s mean 44 µs per request, where wrk reported a mean of 96 µs
 * and a p99 of 2 ms (ab: mean 47 µs, p99 0.11 ms, on the same server). This client prints its mean next
 * to what its request rate implies (Little's law), so a figure that does not add up shows it.
 * <p>
 * Usage: {@code java LoadClient.java <connections> <seconds> <warm-up seconds> <url-file> [header: value]...}
 * with one URL per line in the file (a random one per request, all on the same host and port).
 */
public class LoadClient {

    /** Latencies beyond this (10 s) count in the last bucket. */
    private static final int MAX_MICROS = 10_000_000;

    private final InetSocketAddress address;
    private final List<byte[]> requests;
    private final Random random = new Random(42);
    private long[] histogram;
    private long answered;
    private long refused;
    private long reconnects;
    private final java.util.TreeMap<Integer, Long> others = new java.util.TreeMap<>();

    private LoadClient(InetSocketAddress address, List<byte[]> requests) {
        this.address = address;
        this.requests = requests;
    }

    public static void main(String[] args) throws Exception {
        int connections = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        double warmup = Double.parseDouble(args[2]);
        List<URI> urls = Files.readAllLines(Path.of(args[3])).stream().filter(l -> !l.isBlank()).map(URI::create).toList();
        StringBuilder headers = new StringBuilder();
        for (int i = 4; i < args.length; i++) {
            headers.append(args[i]).append("\r\n");
        }
        URI first = urls.get(0);
        List<byte[]> requests = new ArrayList<>();
        for (URI url : urls) {
            String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            requests.add(("GET " + target + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort() + "\r\n" + headers + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        LoadClient client = new LoadClient(new InetSocketAddress(first.getHost(), first.getPort()), requests);
        if (warmup > 0) {
            client.run(connections, warmup);
        }
        client.histogram = new long[MAX_MICROS + 1];
        client.answered = 0;
        client.refused = 0;
        client.reconnects = 0;
        client.others.clear();
        long started = System.nanoTime();
        client.run(connections, seconds);
        client.report((System.nanoTime() - started) / 1e9, connections);
    }

    /** One connection's state: the request in flight and what has been read of its answer. */
    private final class Connection {
        SocketChannel channel;
        ByteBuffer out;
        final ByteBuffer in = ByteBuffer.allocateDirect(256 * 1024);
        final byte[] head = new byte[8192];
        int headLength;
        long bodyLeft = -1;
        int status;
        boolean close;
        long sentAt;

        void open(Selector selector) throws IOException {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(address);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, this);
        }

        void send() throws IOException {
            out = ByteBuffer.wrap(requests.get(random.nextInt(requests.size())));
            headLength = 0;
            bodyLeft = -1;
            close = false;
            sentAt = System.nanoTime();
            channel.write(out);
            if (out.hasRemaining()) {
                throw new IOException("request not written at once");
            }
        }

        /** Reads what is there; true when the answer is complete. */
        boolean read() throws IOException {
            in.clear();
            int n = channel.read(in);
            if (n < 0) {
                throw new IOException("closed by the server");
            }
            in.flip();
            while (in.hasRemaining()) {
                if (bodyLeft < 0) {
                    byte b = in.get();
                    head[headLength++] = b;
                    if (headLength >= 4 && b == '\n' && head[headLength - 2] == '\r' && head[headLength - 3] == '\n'
                            && head[headLength - 4] == '\r') {
                        parseHead();
                        if (bodyLeft == 0) {
                            return true;
                        }
                    }
                } else {
                    int take = (int) Math.min(bodyLeft, in.remaining());
                    in.position(in.position() + take);
                    bodyLeft -= take;
                    if (bodyLeft == 0) {
                        return true;
                    }
                }
            }
            return false;
        }

        private void parseHead() throws IOException {
            String text = new String(head, 0, headLength, StandardCharsets.ISO_8859_1).toLowerCase();
            status = Integer.parseInt(text.substring(9, 12));
            int at = text.indexOf("\r\ncontent-length:");
            if (at >= 0) {
                bodyLeft = Long.parseLong(text.substring(at + 17, text.indexOf("\r\n", at + 2)).trim());
            } else if (text.contains("\r\ntransfer-encoding: chunked")) {
                throw new IllegalStateException("chunked answers are not measured by this client");
            } else {
                bodyLeft = 0;
            }
            close = text.contains("\r\nconnection: close");
        }
    }

    private void run(int connections, double seconds) throws IOException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        try (Selector selector = Selector.open()) {
            List<Connection> open = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Connection c = new Connection();
                c.open(selector);
                c.send();
                open.add(c);
            }
            while (System.nanoTime() < deadline) {
                selector.select(100);
                var keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Connection c = (Connection) key.attachment();
                    try {
                        if (!c.read()) {
                            continue;
                        }
                        long micros = (System.nanoTime() - c.sentAt) / 1000;
                        if (histogram != null) {
                            histogram[(int) Math.min(micros, MAX_MICROS)]++;
                        }
                        if (c.status >= 200 && c.status < 300) {
                            answered++;
                        } else {
                            refused++;
                            others.merge(c.status, 1L, Long::sum);
                        }
                        if (c.close) {
                            reconnect(selector, key, c);
                        }
                    } catch (IOException e) {
                        // The server closed a kept-alive connection (nginx does every 1,000 requests): the
                        // request in flight is sent again on a new one and its time counts from the retry.
                        reconnect(selector, key, c);
                        continue;
                    }
                    if (System.nanoTime() < deadline) {
                        c.send();
                    }
                }
            }
            for (Connection c : open) {
                c.channel.close();
            }
        }
    }

    private void reconnect(Selector selector, SelectionKey key, Connection c) throws IOException {
        key.cancel();
        c.channel.close();
        reconnects++;
        c.open(selector);
    }

    private void report(double elapsed, int connections) {
        long total = 0;
        double sum = 0;
        long max = 0;
        for (int i = 0; i <= MAX_MICROS; i++) {
            if (histogram[i] > 0) {
                total += histogram[i];
                sum += (double) histogram[i] * i;
                max = i;
            }
        }
        double rate = total / elapsed;
        System.out.printf("requests %d (non-2xx %d%s, reconnects %d), %.0f req/s, mean %.3f ms (Little's law at %d connections:"
                + " %.3f ms), p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
                answered + refused, refused, others.isEmpty() ? "" : " " + others, reconnects, rate, sum / total / 1000, connections, connections / rate * 1000,
                percentile(total, 50), percentile(total, 90), percentile(total, 99), percentile(total, 99.9), max / 1000.0);
    }

    private double percentile(long total, double p) {
        long rank = (long) Math.ceil(total * p / 100);
        long seen = 0;
        for (int i = 0; i <= MAX_MICROS; i++) {
            seen += histogram[i];
            if (seen >= rank) {
                return i / 1000.0;
            }
        }
        return MAX_MICROS / 1000.0;
    }
}
