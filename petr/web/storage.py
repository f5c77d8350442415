"""Object storage (S3-compatible: Scaleway, OVHcloud, Outscale, MinIO…) for the media and the
private files, when S3_BUCKET is set, so that several app servers share them. Every object stays
private in the bucket, and the site itself hands them out: pages name no other host (the content
security policy stays « self ») and checked files stay checked. Public media are answered at
MEDIA_URL by petr.web.media (nginx keeps them); library documents and private files only by
their views, which stream them (nginx buffers the answer, so a slow download does not hold an app
worker)."""

from urllib.parse import quote

from storages.backends.s3 import S3Storage


class SiteServedS3Storage(S3Storage):
    """An S3 storage whose files are addressed on the site (`base_url`), not on the bucket."""

    def __init__(self, *, base_url, **options):
        super().__init__(**options)
        self.site_base_url = base_url

    def url(self, name, parameters=None, expire=None, http_method=None):
        return self.site_base_url + quote(name.replace("\\", "/").lstrip("/"))
