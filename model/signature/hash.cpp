// SPDX-License-Identifier: GPL-3.0-or-later
#include "hash.h"

#include <memory>
#include <openssl/evp.h>

namespace Stagecraft::Model::Hash {

namespace {

// EVP rather than the deprecated one-shot SHA256(): it is the interface OpenSSL 3 keeps and the
// only one that offers SHA3-224 under the same call shape.
QString digestHex(const EVP_MD *md, QByteArrayView bytes)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int outLength = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1
        || EVP_DigestUpdate(ctx.get(), bytes.data(), size_t(bytes.size())) != 1
        || EVP_DigestFinal_ex(ctx.get(), out, &outLength) != 1) {
        // Only an OpenSSL built without these digests can get here; an empty string can never be
        // mistaken for a signature.
        return {};
    }
    return QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(out), int(outLength)).toHex());
}

} // namespace

QByteArray joined(const QStringList &args)
{
    return args.join(QStringLiteral(":::")).toUtf8();
}

QString raw256(QByteArrayView bytes)
{
    return digestHex(EVP_sha256(), bytes);
}

QString h256(const QStringList &args)
{
    return digestHex(EVP_sha256(), joined(args));
}

QString h3(const QStringList &args)
{
    return digestHex(EVP_sha3_224(), joined(args));
}

QString emptySha256()
{
    static const QString e = raw256(QByteArrayView());
    return e;
}

QString sha1(QByteArrayView bytes)
{
    return digestHex(EVP_sha1(), bytes);
}

} // namespace Stagecraft::Model::Hash
