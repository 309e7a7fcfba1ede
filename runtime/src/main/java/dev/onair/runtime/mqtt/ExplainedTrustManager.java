package dev.onair.runtime.mqtt;

import java.net.Socket;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's PKIX trust manager, with its "PKIX path building failed" put in words a user can act on. Only a chain
 * that does not lead to the trust anchor is re-worded; other refusals (a host name that does not match, an expired
 * certificate) keep the JDK's message, which says what is wrong.
 */
final class ExplainedTrustManager extends ServerTrustManager {
    private final X509ExtendedTrustManager pkix;
    private final String hint;

    ExplainedTrustManager(X509ExtendedTrustManager pkix, String hint) {
        this.pkix = pkix;
        this.hint = hint;
    }

    private CertificateException explained(CertificateException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                return new CertificateException(hint + " (" + t.getMessage() + ")", e);
            }
        }
        return e;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            pkix.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw explained(e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        try {
            pkix.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw explained(e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        try {
            pkix.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw explained(e);
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
