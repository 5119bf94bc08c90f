package io.proxima.application.hypervisor.port.out;

/** The {@code content} filter of a storage listing. */
public enum StorageContentType {
    ISO("iso"), VZTMPL("vztmpl"), IMAGES("images"), ROOTDIR("rootdir"), BACKUP("backup");

    private final String pveName;

    StorageContentType(String pveName) {
        this.pveName = pveName;
    }

    public String pveName() {
        return pveName;
    }
}
