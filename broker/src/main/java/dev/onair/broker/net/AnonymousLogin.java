package dev.onair.broker.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Lets a client without a user name in on the plain loopback listener: its CONNECT gets the user name and password of
 * the broker's in-memory anonymous user (read-only), everything else passes untouched. Only the first packet is
 * looked at; then the handler leaves the pipeline and the relay copies bytes as before.
 *
 * <p>User name and password are the last fields of a CONNECT in MQTT 3.1.1 and 5, so adding them means setting two
 * flag bits, appending two length-prefixed strings and growing the remaining length. A CONNECT that carries a user
 * name or password, or anything that is not a well-formed CONNECT, is passed on as it came for the broker to judge.
 */
final class AnonymousLogin extends ByteToMessageDecoder {
    private static final int CONNECT = 0x10;
    private static final int USER_NAME_FLAG = 0x80;
    private static final int PASSWORD_FLAG = 0x40;

    private final byte[] user;
    private final byte[] password;

    AnonymousLogin(String user, String password) {
        this.user = user.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        if (in.readableBytes() < 2) {
            return;
        }
        int type = in.getUnsignedByte(start);
        // Remaining length: a variable byte integer of 1 to 4 bytes.
        int remaining = 0;
        int multiplier = 1;
        int index = start + 1;
        while (true) {
            if (index >= in.writerIndex()) {
                return; // more bytes needed
            }
            int b = in.getUnsignedByte(index++);
            remaining += (b & 0x7F) * multiplier;
            if ((b & 0x80) == 0) {
                break;
            }
            multiplier *= 128;
            if (index - start > 4) {
                passOn(ctx, in, out); // not MQTT: the broker will close it
                return;
            }
        }
        int headerLength = index - start;
        if (in.readableBytes() < headerLength + remaining) {
            return;
        }
        if (type != CONNECT) {
            passOn(ctx, in, out);
            return;
        }
        int nameLength = in.getUnsignedShort(index);
        int flagsIndex = index + 2 + nameLength + 1;
        if (2 + nameLength + 2 > remaining) {
            passOn(ctx, in, out);
            return;
        }
        int flags = in.getUnsignedByte(flagsIndex);
        if ((flags & (USER_NAME_FLAG | PASSWORD_FLAG)) != 0) {
            passOn(ctx, in, out);
            return;
        }
        int newRemaining = remaining + 2 + user.length + 2 + password.length;
        ByteBuf connect = ctx.alloc().buffer(1 + 4 + newRemaining);
        connect.writeByte(type);
        writeVariableInt(connect, newRemaining);
        int body = start + headerLength;
        connect.writeBytes(in, body, flagsIndex - body);
        connect.writeByte(flags | USER_NAME_FLAG | PASSWORD_FLAG);
        connect.writeBytes(in, flagsIndex + 1, body + remaining - flagsIndex - 1);
        connect.writeShort(user.length).writeBytes(user);
        connect.writeShort(password.length).writeBytes(password);
        in.skipBytes(headerLength + remaining);
        out.add(connect);
        ctx.pipeline().remove(this);
    }

    /** Leaves the bytes as they are and the pipeline to the byte relay. */
    private void passOn(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        out.add(in.readRetainedSlice(in.readableBytes()));
        ctx.pipeline().remove(this);
    }

    private static void writeVariableInt(ByteBuf buf, int value) {
        do {
            int digit = value % 128;
            value /= 128;
            buf.writeByte(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
    }
}
