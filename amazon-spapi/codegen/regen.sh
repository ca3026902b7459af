#!/bin/sh
# Regenerates the generated models.rs files from Amazon's official models.
# Run from amazon-spapi/src: sh ../codegen/regen.sh (M= points at the models folder of shared/spapi-models).
set -e
M=${M:-../../../shared/spapi-models/models}
G=$(dirname "$0")/gen_models.py
python3 $G $M/feeds-api-model/feeds_2021-06-30.json feeds_2021_06_30/models.rs "Feeds 2021-06-30" --pii "FeedDocument.url,CreateFeedDocumentResponse.url" --ids "feedId=FeedId,feedDocumentId=FeedDocumentId,inputFeedDocumentId=FeedDocumentId,resultFeedDocumentId=FeedDocumentId"
python3 $G $M/reports-api-model/reports_2021-06-30.json reports_2021_06_30/models.rs "Reports 2021-06-30" --pii "ReportDocument.url" --ids "reportId=ReportId,reportDocumentId=ReportDocumentId,reportScheduleId=ReportScheduleId"
python3 $G $M/fulfillment-outbound-api-model/fulfillmentOutbound_2020-07-01.json fulfillment_outbound_2020_07_01/models.rs "Fulfillment Outbound 2020-07-01" --pii "Address.*,Address.!countryCode,Address.!city,Address.!stateOrRegion,Address.!postalCode,CreateFulfillmentOrderRequest.notificationEmails,CreateFulfillmentOrderRequest.displayableOrderComment,UpdateFulfillmentOrderRequest.notificationEmails,UpdateFulfillmentOrderRequest.displayableOrderComment,FulfillmentOrder.notificationEmails,FulfillmentOrder.displayableOrderComment,CreateFulfillmentOrderItem.giftMessage,CreateFulfillmentOrderItem.displayableComment,UpdateFulfillmentOrderItem.giftMessage,UpdateFulfillmentOrderItem.displayableComment,FulfillmentOrderItem.giftMessage,FulfillmentOrderItem.displayableComment,DeliveryPreferences.deliveryInstructions,LockerDetails.lockerAccessCode,LockerDetails.lockerNumber" --ids "sellerFulfillmentOrderId=SellerFulfillmentOrderId"
python3 $G $M/fba-inventory-api-model/fbaInventory.json fba_inventory_v1/models.rs "FBA Inventory v1"
python3 $G $M/merchant-fulfillment-api-model/merchantFulfillmentV0.json merchant_fulfillment_v0/models.rs "Merchant Fulfillment v0" --pii "Address.*,Address.!CountryCode,Address.!City,Address.!StateOrProvinceCode,Address.!PostalCode,FileContents.Contents" --ids "ShipmentId=ShipmentId"
python3 $G $M/listings-items-api-model/listingsItems_2021-08-01.json listings_items_2021_08_01/models.rs "Listings Items 2021-08-01"
rustfmt --edition 2021 feeds_2021_06_30/models.rs reports_2021_06_30/models.rs fulfillment_outbound_2020_07_01/models.rs fba_inventory_v1/models.rs merchant_fulfillment_v0/models.rs listings_items_2021_08_01/models.rs
