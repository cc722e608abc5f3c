/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.glmspringai.chat;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server on a raw socket, for faults MockWebServer cannot show: it
 * writes scripted chunks, can stall or drop the connection mid-body, and observes when
 * the client closes the connection.
 */
final class RawSseServer implements Closeable {

	/** What to do with one exchange. */
	interface Handler {

		void handle(Exchange exchange) throws IOException;

	}

	private final ServerSocket socket;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger connections = new AtomicInteger();

	private final BlockingQueue<Long> clientCloses = new LinkedBlockingQueue<>();

	RawSseServer(Handler handler) throws IOException {
		this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), handler);
	}

	/**
	 * Serve on the given (bound) server socket, e.g. a TLS one.
	 */
	RawSseServer(ServerSocket socket, Handler handler) {
		this.socket = socket;
		this.executor.execute(() -> {
			while (!this.socket.isClosed()) {
				try {
					Socket connection = this.socket.accept();
					this.connections.incrementAndGet();
					this.executor.execute(() -> serve(connection, handler));
				}
				catch (IOException ex) {
					return;
				}
			}
		});
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.socket.getLocalPort();
	}

	/** Connections accepted (a TLS handshake that fails never becomes a request). */
	int connections() {
		return this.connections.get();
	}

	int port() {
		return this.socket.getLocalPort();
	}

	int requests() {
		return this.requests.get();
	}

	/**
	 * Wait until the client closed a connection that a handler was watching.
	 * @return the {@link System#nanoTime()} at which the close was seen
	 */
	long awaitClientClose(long timeout, TimeUnit unit) throws InterruptedException {
		Long at = this.clientCloses.poll(timeout, unit);
		if (at == null) {
			throw new AssertionError("the client did not close the connection within " + timeout + " " + unit);
		}
		return at;
	}

	private void serve(Socket connection, Handler handler) {
		try (connection) {
			InputStream in = connection.getInputStream();
			while (readRequest(in)) {
				this.requests.incrementAndGet();
				handler.handle(new Exchange(connection, in, connection.getOutputStream()));
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static boolean readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			head.write(b);
			byte[] bytes = head.toByteArray();
			int n = bytes.length;
			if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r'
					&& bytes[n - 1] == '\n') {
				String headers = head.toString(StandardCharsets.ISO_8859_1);
				int length = 0;
				for (String line : headers.split("\r\n")) {
					if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
						length = Integer.parseInt(line.substring(15).trim());
					}
				}
				in.readNBytes(length);
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing
		}
		this.executor.shutdownNow();
	}

	/** One request/response exchange. */
	final class Exchange {

		private final Socket connection;

		private final InputStream in;

		private final OutputStream out;

		Exchange(Socket connection, InputStream in, OutputStream out) {
			this.connection = connection;
			this.in = in;
			this.out = out;
		}

		Exchange head() throws IOException {
			this.out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			this.out.flush();
			return this;
		}

		/**
		 * Write a response head with the given status line and headers (CRLF-separated).
		 */
		Exchange head(String statusLine, String... headers) throws IOException {
			StringBuilder head = new StringBuilder(statusLine).append("\r\n");
			for (String header : headers) {
				head.append(header).append("\r\n");
			}
			return raw(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
		}

		/** Write bytes as they are. */
		Exchange raw(byte[] bytes) throws IOException {
			this.out.write(bytes);
			this.out.flush();
			return this;
		}

		/** Write one chunk of a chunked body. */
		Exchange chunk(byte[] bytes) throws IOException {
			this.out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			this.out.write(bytes);
			this.out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
			this.out.flush();
			return this;
		}

		Exchange chunk(String data) throws IOException {
			return chunk(data.getBytes(StandardCharsets.UTF_8));
		}

		void end() throws IOException {
			this.out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			this.out.flush();
		}

		/** Drop the connection without ending the body. */
		void drop() throws IOException {
			this.connection.setSoLinger(true, 0);
			this.connection.close();
		}

		/** Stay silent and record when the client closes the connection. */
		void awaitClose() throws IOException {
			this.connection.setSoTimeout(30_000);
			try {
				while (this.in.read() != -1) {
					// drain
				}
			}
			catch (SocketException ex) {
				// reset by the client
			}
			RawSseServer.this.clientCloses.add(System.nanoTime());
			throw new IOException("client closed");
		}

	}

}
