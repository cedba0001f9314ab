// SPDX-License-Identifier: GPL-3.0-or-later
// Sprig's certificate functions on OpenSSL: v2's genCA, genSelfSignedCert, genSignedCert and
// buildCustomCert, v3's *WithKey variants. Certificates are built as Go's x509.CreateCertificate
// builds Sprig's template: X.509 v3, 128-bit random serial, CN only, SHA-256 with RSA (or the
// key's own algorithm), critical key usage and basic constraints, server+client auth.
#include "gofmt.h"
#include "sprigutil.h"

#include <QHostAddress>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/encoder.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace Stagecraft::Model::Template::Sprig {

namespace {

using Args = QList<Value>;

// sprig's `certificate` struct: {{ $ca.Cert }} and {{ $ca.Key }}.
class CertificateObject : public Object, public JsonMarshaler
{
public:
    CertificateObject(QByteArray cert, QByteArray key)
        : m_cert(std::move(cert))
        , m_key(std::move(key))
    {}

    QByteArray goType() const override { return QByteArrayLiteral("sprig.certificate"); }
    QByteArray print() const override { return '{' + m_cert + ' ' + m_key + '}'; }
    bool hasMethod(const QByteArray &) const override { return false; }
    Value callMethod(const QByteArray &name, const QList<Value> &) override
    {
        throw FunctionError("can't call method/function \"" + name + "\"");
    }
    Value field(const QByteArray &name) const override
    {
        if (name == "Cert")
            return Value::fromString(m_cert);
        if (name == "Key")
            return Value::fromString(m_key);
        return {};
    }
    QByteArray marshalJson() const override
    {
        return jsonEncode(Value::fromMap({{"Cert", Value::fromString(m_cert)},
                                          {"Key", Value::fromString(m_key)}}),
                          true,
                          QByteArray(),
                          nullptr);
    }

    const QByteArray &cert() const { return m_cert; }
    const QByteArray &key() const { return m_key; }

private:
    QByteArray m_cert;
    QByteArray m_key;
};

struct Bio
{
    BIO *b;
    Bio()
        : b(BIO_new(BIO_s_mem()))
    {}
    explicit Bio(const QByteArray &data)
        : b(BIO_new_mem_buf(data.constData(), int(data.size())))
    {}
    ~Bio() { BIO_free(b); }
    QByteArray data() const
    {
        char *p = nullptr;
        const long len = BIO_get_mem_data(b, &p);
        return QByteArray(p, int(len));
    }
};

struct Key
{
    EVP_PKEY *k = nullptr;
    Key() = default;
    explicit Key(EVP_PKEY *key)
        : k(key)
    {}
    Key(const Key &) = delete;
    Key &operator=(const Key &) = delete;
    ~Key() { EVP_PKEY_free(k); }
};

struct Cert
{
    X509 *x = nullptr;
    Cert() = default;
    explicit Cert(X509 *c)
        : x(c)
    {}
    Cert(const Cert &) = delete;
    Cert &operator=(const Cert &) = delete;
    ~Cert() { X509_free(x); }
};

// The first PEM block's type and whether there is one (pem.Decode).
QByteArray pemType(const QByteArray &pem)
{
    const qsizetype begin = pem.indexOf("-----BEGIN ");
    if (begin < 0)
        return {};
    const qsizetype end = pem.indexOf("-----", begin + 11);
    if (end < 0)
        return {};
    return pem.mid(begin + 11, end - begin - 11);
}

QByteArray keyPem(EVP_PKEY *key)
{
    // Go's pemBlockForKey: PKCS#1 / SEC 1 type-specific blocks; ed25519 as PKCS#8.
    const bool ed = EVP_PKEY_is_a(key, "ED25519");
    OSSL_ENCODER_CTX *ctx
            = OSSL_ENCODER_CTX_new_for_pkey(key,
                                            OSSL_KEYMGMT_SELECT_KEYPAIR
                                                    | OSSL_KEYMGMT_SELECT_DOMAIN_PARAMETERS,
                                            "PEM",
                                            ed ? "PrivateKeyInfo" : "type-specific",
                                            nullptr);
    Bio bio;
    if (ctx)
        OSSL_ENCODER_to_bio(ctx, bio.b);
    OSSL_ENCODER_CTX_free(ctx);
    return bio.data();
}

QByteArray certPem(X509 *x)
{
    Bio bio;
    PEM_write_bio_X509(bio.b, x);
    return bio.data();
}

bool parseIps(const Value &list, QList<QHostAddress> *out, QByteArray *error)
{
    for (const Value &ip : sliceElements(list)) {
        if (ip.kind() != Value::Kind::String) {
            *error = "error parsing ip: " + formatValue(ip) + " is not a string";
            return false;
        }
        QHostAddress a;
        if (!a.setAddress(QString::fromUtf8(ip.toString()))) {
            *error = "error parsing ip: " + ip.toString();
            return false;
        }
        out->append(a);
    }
    return true;
}

bool parseDns(const Value &list, QByteArrayList *out, QByteArray *error)
{
    for (const Value &dns : sliceElements(list)) {
        if (dns.kind() != Value::Kind::String) {
            *error = "error processing alternate dns name: " + formatValue(dns)
                     + " is not a string";
            return false;
        }
        out->append(dns.toString());
    }
    return true;
}

void addExtension(X509 *x, X509V3_CTX *ctx, int nid, const QByteArray &value)
{
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, ctx, nid, value.constData());
    if (ext) {
        X509_add_ext(x, ext, -1);
        X509_EXTENSION_free(ext);
    }
}

// getBaseCertTemplate + x509.CreateCertificate; signer null means self-signed.
bool makeCertificate(const QByteArray &cn,
                     const Value &ips,
                     const Value &dns,
                     qint64 daysValid,
                     bool isCA,
                     EVP_PKEY *subjectKey,
                     X509 *signerCert,
                     EVP_PKEY *signerKey,
                     QByteArray *certOut,
                     QByteArray *error)
{
    QList<QHostAddress> addresses;
    QByteArrayList names;
    if (!parseIps(ips, &addresses, error) || !parseDns(dns, &names, error))
        return false;
    Cert x(X509_new());
    X509_set_version(x.x, 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(x.x));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(x.x), 0);
    X509_time_adj_ex(X509_getm_notAfter(x.x), int(daysValid), 0, nullptr);
    X509_NAME *name = X509_get_subject_name(x.x);
    if (!cn.isEmpty()) {
        X509_NAME_add_entry_by_txt(name,
                                   "CN",
                                   MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(cn.constData()),
                                   int(cn.size()),
                                   -1,
                                   0);
    }
    X509_set_issuer_name(x.x, signerCert ? X509_get_subject_name(signerCert) : name);
    X509_set_pubkey(x.x, subjectKey);
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, signerCert ? signerCert : x.x, x.x, nullptr, nullptr, 0);
    addExtension(x.x,
                 &ctx,
                 NID_key_usage,
                 isCA ? "critical,digitalSignature,keyEncipherment,keyCertSign"
                      : "critical,digitalSignature,keyEncipherment");
    addExtension(x.x, &ctx, NID_ext_key_usage, "serverAuth,clientAuth");
    addExtension(x.x, &ctx, NID_basic_constraints, isCA ? "critical,CA:TRUE" : "critical,CA:FALSE");
    if (isCA)
        addExtension(x.x, &ctx, NID_subject_key_identifier, "hash");
    if (signerCert && X509_get0_subject_key_id(signerCert))
        addExtension(x.x, &ctx, NID_authority_key_identifier, "keyid:always");
    QByteArrayList alt;
    for (const QByteArray &n : std::as_const(names))
        alt.append("DNS:" + n);
    for (const QHostAddress &a : std::as_const(addresses))
        alt.append("IP:" + a.toString().toUtf8());
    if (!alt.isEmpty())
        addExtension(x.x, &ctx, NID_subject_alt_name, alt.join(','));
    const bool noDigest = EVP_PKEY_is_a(signerKey, "ED25519");
    if (X509_sign(x.x, signerKey, noDigest ? nullptr : EVP_sha256()) <= 0) {
        *error = "error creating certificate: OpenSSL could not sign it";
        return false;
    }
    *certOut = certPem(x.x);
    return true;
}

EVP_PKEY *newRsaKey()
{
    return EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048));
}

// v3's parsePrivateKeyPEM.
EVP_PKEY *parsePrivateKeyPem(const QByteArray &pem, QByteArray *error)
{
    const QByteArray type = pemType(pem);
    if (type.isEmpty()) {
        *error = "no PEM data in input";
        return nullptr;
    }
    if (type != "PRIVATE KEY" && !type.endsWith(" PRIVATE KEY")) {
        *error = "no private key data in PEM block of type " + type;
        return nullptr;
    }
    const QByteArray kind = type.left(type.size() - 12);
    if (type != "PRIVATE KEY" && kind != "RSA" && kind != "EC" && kind != "DSA") {
        *error = "invalid private key type " + type;
        return nullptr;
    }
    Bio bio(pem);
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio.b, nullptr, nullptr, nullptr);
    if (!key) {
        if (type == "PRIVATE KEY")
            *error = "decoding PEM as PKCS#8: asn1: structure error";
        else
            *error = "parsing " + kind + " private key from PEM: asn1: structure error";
    }
    return key;
}

// The CA's certificate and (v2: PKCS#1 only) key.
bool loadSigner(const CertificateObject &ca, bool anyKeyType, Cert *cert, Key *key, QByteArray *error)
{
    if (pemType(ca.cert()).isEmpty()) {
        *error = "unable to decode certificate";
        return false;
    }
    Bio certBio(ca.cert());
    cert->x = PEM_read_bio_X509(certBio.b, nullptr, nullptr, nullptr);
    if (!cert->x) {
        *error = "error parsing certificate: decodedSignerCert.Bytes: x509: malformed certificate";
        return false;
    }
    if (anyKeyType) {
        QByteArray e;
        key->k = parsePrivateKeyPem(ca.key(), &e);
        if (!key->k) {
            *error = "error parsing private key: " + e;
            return false;
        }
        return true;
    }
    if (pemType(ca.key()).isEmpty()) {
        *error = "unable to decode key";
        return false;
    }
    Bio keyBio(ca.key());
    key->k = pemType(ca.key()) == "RSA PRIVATE KEY"
                     ? PEM_read_bio_PrivateKey(keyBio.b, nullptr, nullptr, nullptr)
                     : nullptr;
    if (!key->k) {
        *error = "error parsing prive key: decodedSignerKey.Bytes: asn1: structure error";
        return false;
    }
    return true;
}

const CertificateObject *asCertificate(const Value &v)
{
    if (v.kind() != Value::Kind::Object)
        return nullptr;
    return dynamic_cast<const CertificateObject *>(v.object().get());
}

Value certificateValue(QByteArray cert, QByteArray key)
{
    return Value::fromObject(std::make_shared<CertificateObject>(std::move(cert), std::move(key)));
}

// genCA / genSelfSignedCert / genSignedCert and their WithKey forms.
Value generate(const QByteArray &cn,
               const Value &ips,
               const Value &dns,
               qint64 days,
               bool isCA,
               const Value *ca,
               const QByteArray *privPem)
{
    QByteArray error;
    Key key;
    if (privPem) {
        key.k = parsePrivateKeyPem(*privPem, &error);
        if (!key.k)
            fail("parsing private key: " + error);
    } else {
        key.k = newRsaKey();
        if (!key.k)
            fail("error generating rsa key: OpenSSL error");
    }
    Cert signerCert;
    Key signerKey;
    if (ca) {
        const CertificateObject *c = asCertificate(*ca);
        if (!c)
            nilDereference();
        if (!loadSigner(*c, privPem != nullptr, &signerCert, &signerKey, &error))
            fail(error);
    }
    QByteArray cert;
    if (!makeCertificate(cn,
                         ips,
                         dns,
                         days,
                         isCA,
                         key.k,
                         signerCert.x,
                         ca ? signerKey.k : key.k,
                         &cert,
                         &error))
        fail(error);
    return certificateValue(cert, keyPem(key.k));
}

} // namespace

void addCertificateFunctions(FunctionMap &map)
{
    const auto add = [&map](Function f) { map.insert(f.name, std::move(f)); };
    constexpr bool nondet = true;
    const char *list = "[]interface {}";
    const char *cert = "sprig.certificate";
    add(makeFunction(
            "genCA",
            {"string", "int"},
            nullptr,
            [](const Args &a) {
                return generate(a.at(0).toString(), {}, {}, a.at(1).toInt(), true, nullptr, nullptr);
            },
            true,
            nondet));
    add(makeFunction(
            "genCAWithKey",
            {"string", "int", "string"},
            nullptr,
            [](const Args &a) {
                return generate(a.at(0).toString(),
                                {},
                                {},
                                a.at(1).toInt(),
                                true,
                                nullptr,
                                &a.at(2).toString());
            },
            true,
            nondet));
    add(makeFunction(
            "genSelfSignedCert",
            {"string", list, list, "int"},
            nullptr,
            [](const Args &a) {
                return generate(a.at(0).toString(),
                                a.at(1),
                                a.at(2),
                                a.at(3).toInt(),
                                false,
                                nullptr,
                                nullptr);
            },
            true,
            nondet));
    add(makeFunction(
            "genSelfSignedCertWithKey",
            {"string", list, list, "int", "string"},
            nullptr,
            [](const Args &a) {
                return generate(a.at(0).toString(),
                                a.at(1),
                                a.at(2),
                                a.at(3).toInt(),
                                false,
                                nullptr,
                                &a.at(4).toString());
            },
            true,
            nondet));
    add(makeFunction(
            "genSignedCert",
            {"string", list, list, "int", cert},
            nullptr,
            [](const Args &a) {
                return generate(a.at(0).toString(),
                                a.at(1),
                                a.at(2),
                                a.at(3).toInt(),
                                false,
                                &a.at(4),
                                nullptr);
            },
            true,
            nondet));
    add(makeFunction(
            "genSignedCertWithKey",
            {"string", list, list, "int", cert, "string"},
            nullptr,
            [](const Args &a) {
                return generate(a.at(0).toString(),
                                a.at(1),
                                a.at(2),
                                a.at(3).toInt(),
                                false,
                                &a.at(4),
                                &a.at(5).toString());
            },
            true,
            nondet));
    add(makeFunction(
            "buildCustomCert",
            {"string", "string"},
            nullptr,
            [](const Args &a) {
                qsizetype errorAt;
                const QByteArray certPemText = base64Decode(a.at(0).toString(), &errorAt);
                if (errorAt >= 0)
                    fail("unable to decode base64 certificate");
                const QByteArray keyPemText = base64Decode(a.at(1).toString(), &errorAt);
                if (errorAt >= 0)
                    fail("unable to decode base64 private key");
                if (pemType(certPemText).isEmpty())
                    fail("unable to decode certificate");
                {
                    Bio bio(certPemText);
                    Cert c(PEM_read_bio_X509(bio.b, nullptr, nullptr, nullptr));
                    if (!c.x)
                        fail("error parsing certificate: decodedCert.Bytes: x509: malformed "
                             "certificate");
                }
                if (pemType(keyPemText).isEmpty())
                    fail("unable to decode key");
                {
                    Bio bio(keyPemText);
                    Key k(pemType(keyPemText) == "RSA PRIVATE KEY"
                                  ? PEM_read_bio_PrivateKey(bio.b, nullptr, nullptr, nullptr)
                                  : nullptr);
                    if (!k.k)
                        fail("error parsing prive key: decodedKey.Bytes: asn1: structure error");
                }
                return certificateValue(certPemText, keyPemText);
            },
            true));
}

} // namespace Stagecraft::Model::Template::Sprig
