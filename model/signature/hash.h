// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace Stagecraft::Model {

/**
 * werf 1.1's hash primitives (reference §5.1), computed with OpenSSL EVP.
 *
 * All results are lowercase hex. Arguments are joined with ":::" exactly as Go's
 * strings.Join does, so an empty argument list hashes the empty string and empty arguments
 * still occupy their slot.
 */
namespace Hash {

/** RAW256: hex SHA-256 of the bytes as they are. */
QString raw256(QByteArrayView bytes);
/** H256: hex SHA-256 of the arguments joined with ":::" (werf util.Sha256Hash). */
QString h256(const QStringList &args);
/** H3: hex SHA3-224 (FIPS 202, not Keccak) of the arguments joined with ":::" (util.Sha3_224Hash). */
QString h3(const QStringList &args);
/** E = H256() = RAW256(""), the constant that appears all over werf's signatures. */
QString emptySha256();
/** Lowercase hex SHA-1 of the bytes (git object ids are computed from this in tests). */
QString sha1(QByteArrayView bytes);

/** The ":::"-joined string that H256/H3 hash, for "why" explanations and debugging. */
QByteArray joined(const QStringList &args);

} // namespace Hash

} // namespace Stagecraft::Model
