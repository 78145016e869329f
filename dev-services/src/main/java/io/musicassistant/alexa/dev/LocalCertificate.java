package io.musicassistant.alexa.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for localhost, made with the JDK's own keytool, for a local stream
 * server speaking HTTPS. Echo devices would refuse it; only local clients told to trust this very
 * key store accept it ({@link #clientContext()}).
 *
 * @param keyStore PKCS#12 with the key and certificate (also usable as the trust store)
 * @param password its password (a throwaway value: the key never leaves this machine)
 */
public record LocalCertificate(Path keyStore, String password) {

    /** The certificate alone, PEM, for {@code curl --cacert}. */
    public Path pem() {
        return keyStore.resolveSibling("stream-localhost.pem");
    }

    public static final String PASSWORD = "local-stack-only";

    /** Makes {@code dir/stream-localhost.p12} unless it is already there. */
    public static LocalCertificate create(Path dir) {
        Path store = dir.resolve("stream-localhost.p12");
        if (Files.exists(store) && Files.exists(dir.resolve("stream-localhost.pem"))) {
            return new LocalCertificate(store, PASSWORD);
        }
        try {
            Files.createDirectories(dir);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Files.deleteIfExists(store);
            keytool(
                    keytool,
                    "-genkeypair",
                    "-alias",
                    "stream",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity",
                    "365",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    store.toString(),
                    "-storepass",
                    PASSWORD,
                    "-keypass",
                    PASSWORD);
            keytool(
                    keytool,
                    "-exportcert",
                    "-rfc",
                    "-alias",
                    "stream",
                    "-keystore",
                    store.toString(),
                    "-storepass",
                    PASSWORD,
                    "-file",
                    dir.resolve("stream-localhost.pem").toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a local certificate in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating a local certificate", e);
        }
        return new LocalCertificate(store, PASSWORD);
    }

    private static void keytool(Path keytool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }

    /** A client TLS context that trusts this certificate and nothing else. */
    public SSLContext clientContext() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + keyStore, e);
        }
    }
}
