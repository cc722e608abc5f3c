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

package io.github.glmspringai.testfixtures;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A small HTTP {@code CONNECT} (and SOCKS5) proxy on the loopback interface, standing in
 * for a corporate proxy that alone can reach the service: it opens every tunnel to the
 * loopback address at the requested port, whatever the host (so a base URL on a host that
 * does not resolve, such as {@code glm.test}, only works through it). It records each
 * {@code CONNECT} target, relays the bytes both ways and, when given credentials, answers
 * {@code 407} to a request without the matching {@code Proxy-Authorization}.
 */
public final class ConnectProxy implements Closeable {

	private static final byte SOCKS5 = 5;

	private final ServerSocket socket;

	private final @Nullable String expectedAuthorization;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<String> connects = new CopyOnWriteArrayList<>();

	private final AtomicInteger rejected = new AtomicInteger();

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private final List<String> heads = new CopyOnWriteArrayList<>();

	/**
	 * Start a proxy.
	 * @param username the required user name, or {@code null} for none
	 * @param password the required password
	 * @throws IOException if the port cannot be opened
	 */
	public ConnectProxy(@Nullable String username, @Nullable String password) throws IOException {
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.expectedAuthorization = (username != null) ? "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.ISO_8859_1))
				: null;
		this.executor.execute(this::accept);
	}

	/**
	 * Start a proxy that needs no credentials.
	 * @throws IOException if the port cannot be opened
	 */
	public ConnectProxy() throws IOException {
		this(null, null);
	}

	/**
	 * Run {@code action} with {@code https.proxyHost}/{@code https.proxyPort} pointing at
	 * this proxy (as a JVM started with {@code -Dhttps.proxyHost} would), then put the
	 * system properties back as they were.
	 * @param <T> the result type
	 * @param action what to run
	 * @return what the action returned
	 */
	public <T> T asSystemProxy(Supplier<T> action) {
		Map<String, String> properties = Map.of("https.proxyHost", "127.0.0.1", "https.proxyPort",
				String.valueOf(port()));
		Map<String, @Nullable String> previous = new HashMap<>();
		properties.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
		try {
			return action.get();
		}
		finally {
			previous.forEach((name, value) -> {
				if (value == null) {
					System.clearProperty(name);
				}
				else {
					System.setProperty(name, value);
				}
			});
		}
	}

	public int port() {
		return this.socket.getLocalPort();
	}

	/**
	 * The {@code host:port} of every tunnel opened, in order.
	 * @return the targets
	 */
	public List<String> connects() {
		return List.copyOf(this.connects);
	}

	/**
	 * The request line and headers of every HTTP request the proxy received.
	 * @return the request heads, in order
	 */
	public List<String> heads() {
		return List.copyOf(this.heads);
	}

	/**
	 * How many requests were refused with {@code 407}.
	 * @return the count
	 */
	public int rejected() {
		return this.rejected.get();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket client = this.socket.accept();
				this.open.add(client);
				this.executor.execute(() -> tunnel(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void tunnel(Socket client) {
		try (client) {
			InputStream in = client.getInputStream();
			OutputStream out = client.getOutputStream();
			int first = in.read();
			if (first == SOCKS5) {
				socks5(client, in, out);
				return;
			}
			String head = readHead(first, in);
			this.heads.add(head);
			String[] lines = head.split("\r\n");
			String[] requestLine = lines[0].split(" ");
			if (requestLine.length != 3 || !requestLine[0].equals("CONNECT")) {
				out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
				return;
			}
			if (this.expectedAuthorization != null && !this.expectedAuthorization.equals(header(lines))) {
				this.rejected.incrementAndGet();
				out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
						+ "Content-Length: 0\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				return;
			}
			String target = requestLine[1];
			open(client, target, "HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			// a side went away
		}
	}

	/** SOCKS5 without authentication (RFC 1928), CONNECT by domain name or IPv4. */
	private void socks5(Socket client, InputStream in, OutputStream out) throws IOException {
		in.readNBytes(in.read());
		out.write(new byte[] { SOCKS5, 0 });
		byte[] request = in.readNBytes(4);
		String host = switch (request[3]) {
			case 1 -> InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
			case 3 -> new String(in.readNBytes(in.read()), StandardCharsets.US_ASCII);
			default -> throw new IOException("unsupported SOCKS5 address type " + request[3]);
		};
		byte[] port = in.readNBytes(2);
		open(client, host + ":" + (((port[0] & 0xff) << 8) | (port[1] & 0xff)),
				new byte[] { SOCKS5, 0, 0, 1, 0, 0, 0, 0, 0, 0 });
	}

	/** Record the target, connect to it on the loopback interface, answer and relay. */
	private void open(Socket client, String target, byte[] answer) throws IOException {
		int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
		this.connects.add(target);
		try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port)) {
			this.open.add(upstream);
			client.getOutputStream().write(answer);
			client.getOutputStream().flush();
			this.executor.execute(() -> relay(upstream, client));
			relay(client, upstream);
		}
	}

	private static @Nullable String header(String[] lines) {
		for (String line : lines) {
			if (line.toLowerCase(Locale.ROOT).startsWith("proxy-authorization:")) {
				return line.substring("proxy-authorization:".length()).trim();
			}
		}
		return null;
	}

	/** Copy {@code from} to {@code to} until {@code from} ends, then end {@code to}. */
	private static void relay(Socket from, Socket to) {
		try {
			from.getInputStream().transferTo(to.getOutputStream());
			to.shutdownOutput();
		}
		catch (IOException ex) {
			// a side went away
		}
	}

	private static String readHead(int first, InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		head.write(first);
		int b;
		int matched = 0;
		while (matched < 4 && (b = in.read()) != -1) {
			head.write(b);
			matched = (b == ((matched % 2 == 0) ? '\r' : '\n')) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing
		}
		for (Socket socket : this.open) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closing
			}
		}
		this.executor.shutdownNow();
	}

}
