package io.musicassistant.alexa.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
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

    public static final String PASSWORD = "local-stack-only";

    /** Makes {@code dir/stream-localhost.p12} unless it is already there. */
    public static LocalCertificate create(Path dir) {
        Path store = dir.resolve("stream-localhost.p12");
        if (Files.exists(store)) {
            return new LocalCertificate(store, PASSWORD);
        }
        try {
            Files.createDirectories(dir);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "stream",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "365", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a local certificate in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating a local certificate", e);
        }
        return new LocalCertificate(store, PASSWORD);
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
