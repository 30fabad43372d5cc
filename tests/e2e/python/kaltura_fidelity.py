"""Kaltura's official Python client (XML only) against the simulator.

Usage: kaltura_fidelity.py SERVICE_URL PARTNER_ID ADMIN_SECRET CAPTIONED_ENTRY_ID

Every call goes through the client's typed XML decoding; the script checks
the objects are the typed classes with typed fields, and prints a JSON
summary. Any mismatch raises, so the process exits non-zero.
"""
import json
import sys
import time

import KalturaClient.Client as kaltura_client_module
from Crypto import Random
from Crypto.Cipher import AES
from KalturaClient import KalturaClient, KalturaConfiguration
from KalturaClient.exceptions import KalturaException
from KalturaClient.Plugins.Caption import KalturaCaptionAsset, KalturaCaptionAssetFilter
from KalturaClient.Plugins.Core import (
    KalturaFilterPager,
    KalturaFlavorAsset,
    KalturaFlavorAssetFilter,
    KalturaMediaEntry,
    KalturaMediaEntryFilter,
    KalturaMediaListResponse,
    KalturaReportInputFilter,
    KalturaReportTable,
    KalturaSessionType,
)
from KalturaClient.Plugins.ElasticSearch import (
    KalturaESearchEntryOperator,
    KalturaESearchEntryParams,
    KalturaESearchEntryResponse,
    KalturaESearchItemType,
    KalturaESearchOperatorType,
    KalturaESearchUnifiedItem,
)


# KalturaApiClient 23.10.0's generateSessionV2 uses pycryptodome's Random
# and AES but its module never imports them; supply them as it expects.
kaltura_client_module.Random = Random
kaltura_client_module.AES = AES


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def main():
    url, partner_id, secret, captioned = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    config = KalturaConfiguration()
    config.serviceUrl = url
    client = KalturaClient(config)

    # The client's own KS v2, accepted by the simulator.
    ks = client.generateSessionV2(secret, "py@test", KalturaSessionType.ADMIN, partner_id, 3600, "disableentitlement")
    client.setKs(ks.decode())
    info = client.session.get()
    expect(info.partnerId == partner_id, f"session.get partner {info.partnerId!r}")

    pager = KalturaFilterPager()
    pager.pageSize = 100
    listed = client.media.list(KalturaMediaEntryFilter(), pager)
    expect(isinstance(listed, KalturaMediaListResponse), type(listed))
    expect(all(isinstance(e, KalturaMediaEntry) for e in listed.objects), "entries are KalturaMediaEntry")
    first = listed.objects[0]
    expect(isinstance(first.duration, int) and isinstance(first.createdAt, int), "int fields decoded as int")
    expect(isinstance(first.name, str) and first.id.startswith("0_"), "string fields")

    item = KalturaESearchUnifiedItem()
    item.searchTerm = first.name.split(" ")[0]
    item.itemType = KalturaESearchItemType.PARTIAL
    item.addHighlight = True
    operator = KalturaESearchEntryOperator()
    operator.operator = KalturaESearchOperatorType.AND_OP
    operator.searchItems = [item]
    params = KalturaESearchEntryParams()
    params.searchOperator = operator
    found = client.elasticSearch.eSearch.searchEntry(params)
    expect(isinstance(found, KalturaESearchEntryResponse), type(found))
    expect(found.totalCount >= 1 and isinstance(found.objects[0].object, KalturaMediaEntry), "eSearch results typed")

    caption_filter = KalturaCaptionAssetFilter()
    caption_filter.entryIdEqual = captioned
    captions = client.caption.captionAsset.list(caption_filter)
    expect(all(isinstance(c, KalturaCaptionAsset) for c in captions.objects), "captions typed")
    # Enum fields arrive as the client's enum objects with the wire value.
    expect(captions.objects[0].isDefault.getValue() in (0, 1), "isDefault is a KalturaNullableBoolean")
    expect(str(first.status.getValue()) == "2", f"status {first.status.getValue()!r}")

    report_filter = KalturaReportInputFilter()
    report_filter.fromDate = int(time.time()) - 30 * 86400
    report_filter.toDate = int(time.time())
    table = client.report.getTable("1", report_filter, pager)
    expect(isinstance(table, KalturaReportTable), type(table))

    client.startMultiRequest()
    client.media.list(KalturaMediaEntryFilter(), pager)
    flavor_filter = KalturaFlavorAssetFilter()
    flavor_filter.entryIdEqual = "{1:result:objects:0:id}"
    client.flavorAsset.list(flavor_filter)
    multi = client.doMultiRequest()
    expect(len(multi) == 2 and all(isinstance(f, KalturaFlavorAsset) for f in multi[1].objects), "multirequest typed")

    expired = client.generateSessionV2(secret, "py@test", KalturaSessionType.ADMIN, partner_id, -60, "")
    client.setKs(expired.decode())
    try:
        client.media.list()
        expired_error = None
    except KalturaException as error:
        expired_error = error.code

    print(json.dumps({
        "entries": len(listed.objects),
        "searchHits": found.totalCount,
        "captions": len(captions.objects),
        "reportHeader": table.header or "",
        "localKsPartner": info.partnerId,
        "expiredError": expired_error,
    }))


if __name__ == "__main__":
    main()
