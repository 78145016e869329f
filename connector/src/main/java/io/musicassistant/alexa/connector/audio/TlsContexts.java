package io.musicassistant.alexa.connector.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The TLS contexts of the audio path, from the files the user provides. Errors name the file, never its content. */
public final class TlsContexts {

    private static final Pattern PKCS8 =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private TlsContexts() {}

    /** The stream server's own certificate: a PKCS#12 key store, or a PEM chain with its PKCS#8 key. */
    public static SSLContext server(AudioConfig config) {
        try {
            KeyStore store;
            char[] password = config.tlsPassword() == null
                    ? new char[0]
                    : config.tlsPassword().toCharArray();
            if (config.tlsKeyStore() != null) {
                store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(config.tlsKeyStore())) {
                    store.load(in, password);
                }
            } else {
                store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                Collection<? extends Certificate> chain;
                try (InputStream in = Files.newInputStream(config.tlsCertificate())) {
                    chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
                }
                if (chain.isEmpty()) {
                    throw new IllegalArgumentException(config.tlsCertificate() + " holds no certificate");
                }
                store.setKeyEntry(
                        "stream", privateKey(config.tlsPrivateKey()), password, chain.toArray(Certificate[]::new));
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot use the stream server's TLS certificate: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    /** What the self-test trusts: the JVM's public CAs (as Echo does), or a test trust store. */
    public static SSLContext selfTest(AudioConfig config) {
        try {
            if (config.selfTestTrustStore() == null) {
                return SSLContext.getDefault();
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            char[] password = config.tlsPassword() == null
                    ? new char[0]
                    : config.tlsPassword().toCharArray();
            try (InputStream in = Files.newInputStream(config.selfTestTrustStore())) {
                trust.load(in, password);
            }
            return trusting(trust);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot read STREAM_SELFTEST_TRUSTSTORE: " + e.getClass().getSimpleName(), e);
        }
    }

    /** A client context that trusts exactly the certificates in {@code trust}. */
    public static SSLContext trusting(KeyStore trust) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher m = PKCS8.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException(
                    file + " is not a PEM PKCS#8 private key (BEGIN PRIVATE KEY); convert it with "
                            + "'openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName() + " -out key.pem'");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException(file + " holds a private key of an unsupported algorithm");
    }
}
