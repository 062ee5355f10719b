package io.github.faircomclient.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy in front of a server that can play dead: after {@link #blackhole()} it
 * swallows whatever arrives on the open connections and leaves new connection attempts
 * unanswered (it stops accepting and its accept queue of one is full, so the kernel drops
 * the SYNs), like a host that lost power. A test double for shutdown and outage tests;
 * meant for a few connections at a time.
 */
public final class SwitchableProxy implements AutoCloseable {

	private final InetSocketAddress target;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final ExecutorService threads = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "switchable-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private final ServerSocket listener;

	private volatile boolean forwarding = true;

	private SwitchableProxy(URI target) throws IOException {
		this.target = new InetSocketAddress(target.getHost(), target.getPort());
		this.listener = new ServerSocket();
		this.listener.setReuseAddress(true);
		this.listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
		this.port = this.listener.getLocalPort();
		this.threads.submit(this::accept);
	}

	/**
	 * Start a proxy to the server of the given url.
	 * @param target e.g. the emulator's http url
	 * @return the running proxy
	 * @throws IOException if no port can be bound
	 */
	public static SwitchableProxy to(URI target) throws IOException {
		return new SwitchableProxy(target);
	}

	/**
	 * Return the url that goes through the proxy.
	 * @return {@code http://127.0.0.1:<port>/api}
	 */
	public URI url() {
		return URI.create("http://127.0.0.1:" + this.port + "/api");
	}

	/**
	 * Play dead from now on.
	 * @throws IOException if the port cannot be bound again
	 */
	public void blackhole() throws IOException {
		this.forwarding = false;
		for (int i = 0; i < 4; i++) {
			Socket filler = new Socket();
			try {
				filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
			}
			catch (IOException ex) {
				// the queue is full
			}
			this.sockets.add(filler);
		}
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				this.sockets.add(client);
				if (!this.forwarding) {
					return;
				}
				Socket server = new Socket();
				server.connect(this.target, 2000);
				this.sockets.add(server);
				this.threads.submit(() -> pipe(client, server));
				this.threads.submit(() -> pipe(server, client));
			}
			catch (IOException ex) {
				// closed, or the target is down: the client sees its connection close
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream()) {
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = in.read(buffer)) != -1) {
				if (this.forwarding) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			if (this.forwarding) {
				to.shutdownOutput();
			}
		}
		catch (IOException ex) {
			// one side went away
		}
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.threads.shutdownNow();
	}

}
