package io.musicassistant.alexa.platform;

import java.util.List;

/**
 * The S3 buckets of the cloud side. Bucket names are global across all AWS accounts, so a name is
 * the deployment's prefix, the bucket's suffix, the account and the region. The infrastructure code
 * and the local stack both create the buckets from this list, as they do the tables from
 * {@link Tables}.
 */
public final class Buckets {

    /** One bucket: its suffix and after how many days objects expire (0: kept). */
    public record Spec(String suffix, int expireAfterDays) {}

    /** Each home's library snapshot ({@code snapshots/<instance id>/…}) and the catalogs built from them ({@code catalogs/…}). */
    public static final Spec CATALOG = new Spec("catalog", 0);
    /** Query results of the catalog build (Athena writes every result as a file); nothing reads them after a day. */
    public static final Spec QUERY_RESULTS = new Spec("query-results", 7);

    public static final List<Spec> ALL = List.of(CATALOG, QUERY_RESULTS);

    /** S3's own limit on a bucket name. */
    public static final int MAX_NAME_LENGTH = 63;

    private final String prefix;
    private final String account;
    private final String region;

    /** @param account the AWS account id, or a CDK token for it; likewise {@code region} */
    public Buckets(String prefix, String account, String region) {
        this.prefix = prefix;
        this.account = account;
        this.region = region;
    }

    public String name(Spec spec) {
        return prefix + spec.suffix() + "-" + account + "-" + region;
    }
}
