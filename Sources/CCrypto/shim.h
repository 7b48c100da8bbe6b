// SHA-256 from OpenSSL's libcrypto (snapshot and ledger hashes) and HMAC-SHA256 (signed webhooks).
#include <openssl/evp.h>
#include <openssl/hmac.h>
