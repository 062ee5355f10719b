package io.github.faircomclient.test;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import io.github.faircomclient.test.tls.CertificateFiles;
import io.github.faircomclient.test.tls.TlsMaterial;

/**
 * Writes the TLS files of the standalone emulator's {@code --write-tls}: a CA certificate, a server
 * certificate for {@code localhost} and {@code 127.0.0.1}, and a client certificate whose CN names an
 * account, each key as unencrypted PKCS#8 readable by its owner only (where the file system allows). The CA's
 * key is not kept. Existing files are never overwritten.
 */
final class TlsFiles {

	static final String CA = "ca.pem";

	static final String SERVER = "server.pem";

	static final String SERVER_KEY = "server-key.pem";

	static final String CLIENT = "client.pem";

	static final String CLIENT_KEY = "client-key.pem";

	private static final List<String> FILES = List.of(CA, SERVER, SERVER_KEY, CLIENT, CLIENT_KEY);

	private TlsFiles() {
	}

	/**
	 * Generates and writes the files, then prints what was written and how to use it.
	 * @param directory the folder (created if missing)
	 * @param clientCommonName the CN of the client certificate (the account it logs in as)
	 * @param out where the summary goes
	 * @throws IllegalStateException if one of the files exists already
	 * @throws UncheckedIOException if the folder or a file cannot be written
	 */
	static void write(Path directory, String clientCommonName, PrintStream out) {
		Path target = directory.toAbsolutePath().normalize();
		try {
			Files.createDirectories(target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the folder " + target + ": " + ex.getMessage(), ex);
		}
		for (String name : FILES) {
			if (Files.exists(target.resolve(name))) {
				throw new IllegalStateException(target.resolve(name)
						+ " already exists; write into an empty folder or delete the old files first");
			}
		}
		try (TlsMaterial material = TlsMaterial.generate()) {
			CertificateFiles client = material.clientCertificate(clientCommonName);
			copy(material.caCertificate(), target.resolve(CA), false);
			copy(material.serverCertificate(), target.resolve(SERVER), false);
			copy(material.serverPrivateKey(), target.resolve(SERVER_KEY), true);
			copy(client.certificate(), target.resolve(CLIENT), false);
			copy(client.privateKey(), target.resolve(CLIENT_KEY), true);
		}
		printSummary(target, clientCommonName, out);
	}

	private static void copy(Path source, Path destination, boolean secret) {
		try {
			byte[] content = Files.readAllBytes(source);
			if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(destination, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				Files.write(destination, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
			}
			else {
				Files.write(destination, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			}
		}
		catch (FileAlreadyExistsException ex) {
			throw new IllegalStateException(destination + " already exists; write into an empty folder or delete the old files first", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + destination + ": " + ex.getMessage(), ex);
		}
	}

	private static void printSummary(Path target, String clientCommonName, PrintStream out) {
		boolean defaultAccount = "ADMIN".equals(clientCommonName);
		out.println("Wrote TLS files to " + target + ":");
		out.println("  " + CA + "          the CA certificate that signed the others (its key was not kept)");
		out.println("  " + SERVER + "      server certificate for localhost and 127.0.0.1, valid for one year");
		out.println("  " + SERVER_KEY + "  its private key (PKCS#8, not encrypted)");
		out.println("  " + CLIENT + "      client certificate with CN=" + clientCommonName + ": it logs in as the account "
				+ clientCommonName);
		out.println("  " + CLIENT_KEY + "  its private key (PKCS#8, not encrypted)");
		out.println();
		out.println("Run the emulator with HTTPS on port 8443, client certificates required (add --client-auth want to");
		out.println("also accept clients without one):");
		out.println("  java -jar faircom-client-test-<version>-emulator.jar --cert " + target.resolve(SERVER) + " --key "
				+ target.resolve(SERVER_KEY) + " --client-ca " + target.resolve(CA)
				+ (defaultAccount ? "" : " --user " + clientCommonName + ":<password>"));
		out.println();
		out.println("Spring Boot application.properties (leave faircom.username and faircom.password unset: the client");
		out.println("certificate logs in):");
		out.println("  faircom.url=https://localhost:8443/api");
		out.println("  faircom.ssl.bundle=faircom");
		out.println("  spring.ssl.bundle.pem.faircom.truststore.certificate=" + target.resolve(CA).toUri());
		out.println("  spring.ssl.bundle.pem.faircom.keystore.certificate=" + target.resolve(CLIENT).toUri());
		out.println("  spring.ssl.bundle.pem.faircom.keystore.private-key=" + target.resolve(CLIENT_KEY).toUri());
		out.flush();
	}

}
