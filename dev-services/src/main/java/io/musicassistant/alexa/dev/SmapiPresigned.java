package io.musicassistant.alexa.dev;

import com.sun.net.httpserver.HttpExchange;
import io.musicassistant.alexa.dev.SmapiUpload.Step;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What S3 would answer at the presigned URLs SMAPI hands out: upload parts (PUT), the uploaded
 * file and the ingestion steps' error logs (GET). The URLs point at the stand-in, are really
 * signed and expire.
 */
final class SmapiPresigned {

    private final SmapiState state;
    private final SmapiStandIn.Options options;
    private final PresignedUrls signer;
    private final String baseUrl;

    SmapiPresigned(SmapiState state, SmapiStandIn.Options options, String baseUrl) {
        this.state = state;
        this.options = options;
        this.signer = new PresignedUrls(options.clock());
        this.baseUrl = baseUrl;
    }

    String presign(String path) {
        return baseUrl + signer.sign("GET", path, options.urlLifetime());
    }

    /** Where part {@code number} of an upload is PUT. */
    String partUrl(String uploadId, int number) {
        return baseUrl + signer.sign("PUT", "/_parts/" + uploadId + "/" + number, options.urlLifetime());
    }

    void handle(HttpExchange exchange, String method, String rawPath, List<String> path)
            throws SmapiRefusal, IOException {
        if (exchange.getRequestHeaders().containsKey("Authorization")) {
            throw new SmapiRefusal(
                    400,
                    SmapiErrors.s3(
                            "InvalidArgument",
                            "Only one auth mechanism allowed; only the X-Amz-Signature query parameter or the Authorization header should be specified"));
        }
        switch (signer.verify(method, rawPath, SmallHttp.query(exchange))) {
            case MISSING ->
                throw new SmapiRefusal(
                        403,
                        SmapiErrors.s3(
                                "AccessDenied",
                                "Query-string authentication requires X-Amz-Date, X-Amz-Expires and X-Amz-Signature"));
            case TAMPERED ->
                throw new SmapiRefusal(
                        403,
                        SmapiErrors.s3(
                                "SignatureDoesNotMatch",
                                "The request signature we calculated does not match the signature you provided"));
            case EXPIRED -> throw new SmapiRefusal(403, SmapiErrors.s3("AccessDenied", "Request has expired"));
            case VALID -> {}
        }
        if (path.getFirst().equals("_parts") && path.size() == 3) {
            putPart(exchange, path.get(1), Integer.parseInt(path.get(2)));
            return;
        }
        synchronized (state.lock) {
            SmapiUpload upload = state.uploads.get(path.get(1));
            if (upload == null) {
                throw new SmapiRefusal(404, SmapiErrors.s3("NoSuchKey", "The specified key does not exist."));
            }
            if (path.getFirst().equals("_files") && path.size() == 2 && upload.document != null) {
                byte[] bytes = upload.document;
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
                return;
            }
            if (path.getFirst().equals("_logs") && path.size() == 3) {
                Step step = Step.valueOf(path.get(2));
                SmallHttp.sendJson(
                        exchange,
                        200,
                        Map.of(
                                "errors",
                                upload.step(step).errors.stream()
                                        .map(SmapiErrors::error)
                                        .toList()));
                return;
            }
        }
        throw new SmapiRefusal(404, SmapiErrors.s3("NoSuchKey", "The specified key does not exist."));
    }

    /** S3's UploadPart: stores the bytes and answers their MD5 as the ETag, in double quotes. */
    private void putPart(HttpExchange exchange, String uploadId, int number) throws SmapiRefusal, IOException {
        byte[] bytes;
        try {
            bytes = SmallHttp.readBody(exchange, (int) Math.min(Integer.MAX_VALUE - 8, options.maxPartBytes()));
        } catch (IOException e) {
            throw new SmapiRefusal(
                    400, SmapiErrors.s3("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size"));
        }
        String eTag = "\"" + md5(bytes) + "\"";
        synchronized (state.lock) {
            SmapiUpload upload = state.uploads.get(uploadId);
            if (upload == null || upload.completed) {
                throw new SmapiRefusal(
                        404,
                        SmapiErrors.s3(
                                "NoSuchUpload",
                                "The specified upload does not exist. The upload ID may be invalid, "
                                        + "or the upload may have been aborted or completed."));
            }
            upload.parts.put(number, new SmapiUpload.Part(bytes, eTag));
            upload.lastUpdatedDate = options.clock().instant();
        }
        exchange.getResponseHeaders().set("ETag", eTag);
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
