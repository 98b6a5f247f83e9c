package com.traidnet.wificore.hotspot;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A batch of vouchers as the API shows it, with its package's name, price and validity. */
record VoucherBatch(UUID id, UUID packageId, String packageName, BigDecimal price, String currency, String validity,
                    String prefix, int codeLength, int count, long redeemed, Instant expiresAt, String status,
                    String createdBy, Instant createdAt) {

    static final String SELECT = """
            select b.id, b.package_id, p.name, p.price, p.currency, p.duration_value, p.duration_unit, b.prefix,
                   b.code_length, b.count, b.expires_at, b.status, b.created_by, b.created_at,
                   (select count(*) from vouchers v where v.batch_id = b.id and v.redeemed_at is not null) as redeemed
            from voucher_batches b join packages p on p.id = b.package_id""";

    static VoucherBatch map(ResultSet rs, int row) throws SQLException {
        var validity = new Validity(rs.getInt("duration_value"), Validity.Unit.of(rs.getString("duration_unit")));
        return new VoucherBatch(rs.getObject("id", UUID.class), rs.getObject("package_id", UUID.class),
                rs.getString("name"), rs.getBigDecimal("price"), rs.getString("currency"), validity.text(),
                rs.getString("prefix"), rs.getInt("code_length"), rs.getInt("count"), rs.getLong("redeemed"),
                PackageView.instant(rs, "expires_at"), rs.getString("status"), rs.getString("created_by"),
                PackageView.instant(rs, "created_at"));
    }
}
