package fr.civmil.health.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body of unknown length (chunked) on its way upstream, counted as it streams. Past the limit
 * the upstream request is reset, so the service never sees a truncated body as if it were whole, and the
 * gateway answers 413.
 */
final class LimitedBody implements ReadStream<Buffer> {

    /** Why the upstream request was reset. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the limit", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long max;
    private final Exchange exchange;
    private long seen;

    LimitedBody(ReadStream<Buffer> source, long max, Exchange exchange) {
        this.source = source;
        this.max = max;
        this.exchange = exchange;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        source.handler(handler == null ? null : buffer -> {
            if (exchange.bodyTooLarge) {
                return;
            }
            seen += buffer.length();
            if (seen > max) {
                exchange.bodyTooLarge = true;
                if (exchange.upstreamRequest != null) {
                    exchange.upstreamRequest.reset(0, new TooLarge());
                }
                return;
            }
            handler.handle(buffer);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler);
        return this;
    }
}
