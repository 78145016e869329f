package io.musicassistant.alexa.dev;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sts.StsClient;

/** Moto's server as a child process: it answers, it ends with its parent, and a machine without it is told what to do. */
class MotoServerTest {

    /** Started in a JVM of its own by {@link #aKilledParentLeavesNoServerBehind}: prints Moto's pid and waits. */
    public static final class Parent {
        public static void main(String[] args) throws Exception {
            MotoServer moto = MotoServer.start(0);
            System.out.println("moto " + moto.pid() + " " + moto.port());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void aKilledParentLeavesNoServerBehind() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process parent = new ProcessBuilder(
                        java.toString(), "-cp", System.getProperty("java.class.path"), Parent.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String[] line = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))
                    .readLine()
                    .split(" ");
            long motoPid = Long.parseLong(line[1]);
            int port = Integer.parseInt(line[2]);
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/moto-api/data.json"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), "Moto answers while its parent lives");

            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
            Optional<ProcessHandle> moto = ProcessHandle.of(motoPid);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (moto.isPresent() && moto.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(moto.isPresent() && moto.get().isAlive(), "Moto outlived its killed parent");
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void keptAliveConnectionsCarryManyRequestsOfEveryShapeIntact() {
        // The launcher keeps connections open (werkzeug closes each one); a request whose body or answer
        // were framed wrongly would corrupt the next request on the same connection.
        DevServices services = DevServices.shared();
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        try (S3Client s3 = S3Client.builder()
                        .endpointOverride(services.s3Endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(creds)
                        .forcePathStyle(true)
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
                DynamoDbClient dynamo = DynamoDbClient.builder()
                        .endpointOverride(services.dynamoDbEndpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(creds)
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
                StsClient sts = StsClient.builder()
                        .endpointOverride(services.stsEndpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(creds)
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            String bucket = "keep-alive-" + System.nanoTime();
            s3.createBucket(b -> b.bucket(bucket));
            byte[] big = new byte[3 * 1024 * 1024 + 17];
            new java.util.Random(7).nextBytes(big);
            String table = "keep-alive-" + System.nanoTime();
            dynamo.createTable(b -> b.tableName(table)
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("k").attributeType("S"))
                    .keySchema(k -> k.attributeName("k").keyType("HASH")));
            for (int i = 0; i < 20; i++) {
                String key = "k" + i;
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(big));
                assertEquals(
                        big.length,
                        s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
                assertArrayEquals(
                        big, s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
                assertThrows(
                        NoSuchKeyException.class,
                        () -> s3.getObject(b -> b.bucket(bucket).key("absent")));
                dynamo.putItem(b -> b.tableName(table).item(Map.of("k", AttributeValue.fromS(key))));
                assertEquals(
                        key,
                        dynamo.getItem(b -> b.tableName(table).key(Map.of("k", AttributeValue.fromS(key))))
                                .item()
                                .get("k")
                                .s());
                assertThrows(
                        ResourceNotFoundException.class,
                        () -> dynamo.getItem(
                                b -> b.tableName("absent-table").key(Map.of("k", AttributeValue.fromS(key)))));
                assertEquals(
                        DevServices.MOTO_ACCOUNT_ID, sts.getCallerIdentity().account());
                s3.deleteObject(b -> b.bucket(bucket).key(key));
            }
        }
    }

    @Test
    void closingItsStdinEndsTheServerCleanly() throws Exception {
        MotoServer moto = MotoServer.start(0);
        Process process = moto.process();
        moto.close();
        // 0 is the launcher's own exit on end-of-file; a kill (the fallback after 2 s) would be 137 or 143.
        assertEquals(0, process.exitValue());
    }

    @Test
    void aKeptAliveConnectionSurvivesAnIgnoredBodyAndClosesWhenFramingIsUncertain() throws Exception {
        int port = DevServices.shared().dynamoDbEndpoint().getPort();
        String auth = "Authorization: AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host, Signature=0\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var in = new BufferedInputStream(socket.getInputStream());
            var out = socket.getOutputStream();
            // S3's ListBuckets reads no body: the launcher must drop it, or it would be read as the next request.
            String ignored = "x".repeat(70_000);
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "Content-Length: " + ignored.length()
                            + "\r\n\r\n" + ignored)
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals(200, readAnswer(in).status());
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "\r\n").getBytes(StandardCharsets.US_ASCII));
            Answer second = readAnswer(in);
            assertEquals(200, second.status(), "the same connection answers the next request");
            assertFalse(second.closes());
            // A chunked request: answered, then the connection closes, and says so.
            out.write(("PUT /chunked-" + System.nanoTime() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                            + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Answer chunked = readAnswer(in);
            assertTrue(chunked.closes(), "Connection: close after a chunked request");
            assertEquals(-1, in.read(), "and the server closed it");
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var in = new BufferedInputStream(socket.getInputStream());
            socket.getOutputStream()
                    .write("NOT A VALID REQUEST LINE AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            // Python's HTTP server answers a request line it cannot parse as HTTP/0.9 would, then closes.
            String refused = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(refused.contains("400"), refused);
        }
    }

    record Answer(int status, boolean closes) {}

    /** Reads one HTTP/1.1 answer with a Content-Length or chunked body, as a client on a kept connection must. */
    static Answer readAnswer(BufferedInputStream in) throws java.io.IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).strip(), 16);
                    size > 0;
                    size = Long.parseLong(line(in).strip(), 16)) {
                in.readNBytes((int) size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            in.readNBytes((int) length);
        }
        return new Answer(status, closes);
    }

    private static String line(BufferedInputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new java.io.EOFException("connection closed mid-answer after: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Test
    void withoutMotoTheMessageSaysInOneLineWhatToInstall(@TempDir Path dir) throws Exception {
        // An interpreter that answers as the launcher does without Moto, and a path that is not there.
        Path fake = Files.writeString(
                dir.resolve("python3"), "#!/bin/sh\necho 'MOTO_MISSING No module named moto'\nexit 3\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        MotoServer.Unavailable e = assertThrows(
                MotoServer.Unavailable.class, () -> MotoServer.start(0, Map.of("MOTO_PYTHON", fake.toString())));
        assertTrue(e.getMessage().startsWith(MotoServer.INSTALL_HINT), e.getMessage());
        assertTrue(e.getMessage().contains("pip install \"moto[server]\""), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertThrows(
                MotoServer.Unavailable.class,
                () -> MotoServer.start(
                        0, Map.of("MOTO_PYTHON", dir.resolve("absent").toString())));
    }

    @Test
    void interpretersComeFromMotoPythonAloneOrFromPathThenCommonPlaces(@TempDir Path dir) throws Exception {
        assertEquals(
                java.util.List.of("/opt/py/bin/python3"),
                MotoServer.interpreters(Map.of("MOTO_PYTHON", "/opt/py/bin/python3")));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path python = Files.writeString(bin.resolve("python3"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        var found = MotoServer.interpreters(Map.of("PATH", bin + ":" + dir.resolve("nothing"), "HOME", dir.toString()));
        assertEquals(python.toString(), found.getFirst(), "PATH comes first");
    }
}
