//! DATAMIMIC's domain showcase files: the XML files of its demo folders other than the
//! `datamimic.xml` each demo runs (83 in all), run on their own with `datamimic run FILE`
//! from a copy of their folder, as DATAMIMIC runs them. Every file that runs is checked for
//! the files it writes and each one's columns ([`RUNNING`]); every other one is listed with
//! why ([`NOT_ALONE`]) and must still fail with its error, so a file that starts to run is
//! noticed. The demos of [`SERVER_DEMOS`] need PostgreSQL or MongoDB and are not copied here.
//!
//! Many showcase files write no file: their `<generate>`s have no target (DATAMIMIC makes the
//! records and drops them). For those the test gives each innermost `<generate>` without a
//! target a JSON one, in the scratch copy only, so their records can be checked.

use std::collections::HashSet;
use std::path::Path;

use crate::demos::{copy_dir, demos_dir, files};
use crate::{Scratch, datamimic};

/// Whether a showcase file runs as it is or with JSON targets added (see the module doc).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Targets {
    Own,
    AddedJson,
}

/// A showcase file's outputs, each with its columns (see [`RUNNING`]).
type Outputs = &'static [(&'static str, &'static str)];

/// The showcase files that run: the file (`demo/file.xml`), its targets, and each output (a
/// file of the output folder, or `stdout` for a `ConsoleExporter`) with its columns: a CSV
/// file's header line, else the keys of every record (or the child elements of every XML
/// item), `?` marking one written only where its condition holds.
const RUNNING: &[(&str, Targets, Outputs)] = &[
    (
        "demo-condition/1_condition_tag.xml",
        Targets::AddedJson,
        &[(
            "condition.json",
            "id,if_true?,else_true?,else_if_3_true?,else_if_4_true?",
        )],
    ),
    (
        "demo-condition/2_condition_attribute.xml",
        Targets::AddedJson,
        &[(
            "bike.json",
            "id,year,condition_true,condition_false,condition_2023,condition_false_non_default?,same_name,if_true",
        )],
    ),
    (
        "demo-condition/3_condition_with_defaultvalue.xml",
        Targets::AddedJson,
        &[(
            "group_name_not_override.json",
            "id,emptyList,emptyList2,emptyList3,emptyDict,emptyDict2,emptyDict3,removeElement,removeElementorEmpty,if_true?,list,list2,dict,dict2,else_true?,else-if_true?",
        )],
    ),
    (
        "demo-condition/4_condition_with_remove_none_element_converter.xml",
        Targets::Own,
        &[(
            "stdout",
            "permission_list,not_remove_permission_list,not_remove_permission_var,remove_in_key",
        )],
    ),
    (
        "demo-datetime/1_datetime_generator.xml",
        Targets::AddedJson,
        &[(
            "date_time_generator.json",
            "current_datetime,random_datetime,input_datetime,datetime_generator_2010,datetime_generator_2055,q1_only,weekdays_only,dom_last_only,office_hours_15m_10s,biased_datetime,month_weighted_march,weekday_monday_only,dom_15_only,combined_filters",
        )],
    ),
    (
        "demo-datetime/2_in_out_datetime_format.xml",
        Targets::AddedJson,
        &[(
            "InOutDatetimeFormat.json",
            "datetime_with_in,datetime_with_out,date_with_in_out,day_out,month_out,year_out,time_out",
        )],
    ),
    (
        "demo-datetime/3_datetime_converter.xml",
        Targets::AddedJson,
        &[(
            "DateTimeConverter.json",
            "row_id,without_converter,converter_dd_mmm_yyyy,converter_dd_mmm_yyyy_UP,converter_mmm_dd_HH_MM,epoch_in_seconds,epoch_in_milliseconds,to_epoch,to_epoch_millis,to_epoch_micros,to_epoch_nanos,to_datetime_3millis,to_datetime_6millis,year,month,day",
        )],
    ),
    (
        "demo-datetime/4_datetime_series.xml",
        Targets::AddedJson,
        &[(
            "DateTimeSeries.json",
            "customer,datetime_sequence_id,datetime_sequence_timeutil,datetime_sequence_day,series_offset_days",
        )],
    ),
    (
        "demo-datetime/5_datetime_timestamp_converter.xml",
        Targets::AddedJson,
        &[(
            "TimestampConverter.json",
            "origin_date,origin_timestamp,days_to_add,days_series",
        )],
    ),
    (
        "demo-ecommerce/customer.xml",
        Targets::Own,
        &[
            (
                "customers.csv",
                "customer_id|given_name|family_name|name|gender|age|date_of_birth|email|phone|mobile_phone|street|house_number|city|postal_code|state|country|full_address|preferred_payment|customer_since",
            ),
            (
                "customers.json",
                "customer_id,given_name,family_name,name,gender,age,date_of_birth,email,phone,mobile_phone,street,house_number,city,postal_code,state,country,full_address,preferred_payment,customer_since",
            ),
            (
                "de_customers.csv",
                "customer_id|given_name|family_name|email|phone_number|full_address|bundesland|preferred_payment",
            ),
            (
                "us_customers.csv",
                "customer_id|given_name|family_name|email|phone_number|full_address|state|preferred_payment",
            ),
        ],
    ),
    (
        "demo-ecommerce/order.xml",
        Targets::Own,
        &[
            (
                "de_orders.csv",
                "order_id|date|status|payment_method|total_amount|total_formatted|tax_amount|tax_formatted|shipping_amount|shipping_formatted|shipping_bundesland",
            ),
            (
                "orders.csv",
                "order_id|user_id|date|status|payment_method|shipping_method|currency|tax_amount|shipping_amount|discount_amount|total_amount|shipping_address|billing_address",
            ),
            (
                "orders.json",
                "order_id,user_id,date,status,payment_method,shipping_method,currency,tax_amount,shipping_amount,discount_amount,total_amount,shipping_address,billing_address",
            ),
            (
                "us_orders.csv",
                "order_id|date|status|payment_method|total_amount|total_formatted|tax_amount|tax_formatted|shipping_amount|shipping_formatted|shipping_state",
            ),
        ],
    ),
    (
        "demo-ecommerce/product.xml",
        Targets::Own,
        &[
            (
                "de_products.csv",
                "product_id|name|category|brand|price_eur|price_formatted|sku|availability|rating|zustand",
            ),
            (
                "products.csv",
                "product_id|name|description|category|brand|price|sku|condition|availability|currency|weight|dimensions|rating",
            ),
            (
                "products.json",
                "product_id,name,description,category,brand,price,sku,condition,availability,currency,weight,dimensions,rating",
            ),
            (
                "us_products.csv",
                "product_id|name|category|brand|price_usd|price_formatted|sku|availability|rating|condition",
            ),
        ],
    ),
    (
        "demo-finance/bank.xml",
        Targets::Own,
        &[(
            "banks.csv",
            "name|swift_code|routing_number|bank_code|bic|bin|customer_service_phone",
        )],
    ),
    (
        "demo-finance/bank_account.xml",
        Targets::Own,
        &[(
            "bank_accounts.csv",
            "account_number|iban|account_type|balance|currency|created_date|last_transaction_date|bank.name|bank.bank_code|bank.bic|bank.bin|transactions",
        )],
    ),
    (
        "demo-finance/transaction.xml",
        Targets::Own,
        &[
            (
                "transactions.csv",
                "transaction_id|transaction_date|amount|transaction_type|description|reference_number|status|currency|currency_symbol|merchant_name|merchant_category|location|is_international|channel|direction",
            ),
            (
                "transactions_de.csv",
                "transaction_id|transaction_date|amount|transaction_type|description|reference_number|status|currency|currency_symbol|merchant_name|merchant_category|location|is_international|channel|direction",
            ),
        ],
    ),
    (
        "demo-healthcare/doctor.xml",
        Targets::Own,
        &[
            (
                "doctors.csv",
                "doctor_id|given_name|family_name|specialty|license_number|hospital|email|npi_number|certifications|accepting_new_patients",
            ),
            (
                "vn_doctors.csv",
                "doctor_id|given_name|family_name|specialty|license_number|npi_number|certifications",
            ),
        ],
    ),
    (
        "demo-healthcare/encounter.xml",
        Targets::Own,
        &[(
            "encounters.csv",
            "patient_id|patient_name|patient_age|patient_conditions|doctor_id|doctor_name|doctor_specialty|hospital_name|procedure_code|procedure_name|procedure_category|requires_anesthesia|estimated_cost|device_type|device_manufacturer|device_usage_logs|device_maintenance_history",
        )],
    ),
    (
        "demo-healthcare/hospital.xml",
        Targets::Own,
        &[
            (
                "de_hospitals.csv",
                "hospital_id|name|type|phone|email|website|emergency_services|accreditation|staff_count|bed_count|departments|services",
            ),
            (
                "hospitals.csv",
                "hospital_id|name|type|phone|email|website|emergency_services|departments|services",
            ),
            (
                "vn_hospitals.csv",
                "hospital_id|name|type|phone|email|website|emergency_services|accreditation|staff_count|bed_count|departments|services",
            ),
        ],
    ),
    (
        "demo-healthcare/medical_device.xml",
        Targets::Own,
        &[(
            "medical_devices.csv",
            "device_id|device_type|manufacturer|model_number|serial_number|manufacture_date|expiration_date|last_maintenance_date|next_maintenance_date|status|location|assigned_to|usage_logs|maintenance_history",
        )],
    ),
    (
        "demo-healthcare/medical_procedure.xml",
        Targets::Own,
        &[(
            "medical_procedures.csv",
            "procedure_id|procedure_code|cpt_code|name|category|specialty|description|duration_minutes|cost|requires_anesthesia|is_surgical|is_diagnostic|is_preventive|recovery_time_days",
        )],
    ),
    (
        "demo-healthcare/patient.xml",
        Targets::Own,
        &[
            (
                "de_patients.csv",
                "patient_id|given_name|family_name|date_of_birth|gender|blood_type|street|city|state|zip_code|country|insurance_provider|allergies|medications|conditions",
            ),
            (
                "patients.csv",
                "patient_id|given_name|family_name|date_of_birth|gender|blood_type|street|city|state|zip_code|country|insurance_provider|insurance_policy_number|emergency_contact.name|emergency_contact.phone|emergency_contact.relationship|allergies|medications|conditions",
            ),
            (
                "seeded_senior_patients.csv",
                "patient_id|full_name|age|conditions",
            ),
            (
                "us_patients.csv",
                "patient_id|given_name|family_name|date_of_birth|gender|blood_type|street|city|state|zip_code|country|insurance_provider|allergies|medications|conditions",
            ),
        ],
    ),
    (
        "demo-insurance/company.xml",
        Targets::Own,
        &[(
            "insurance_companies.csv",
            "id|name|code|founded_year|headquarters|website",
        )],
    ),
    (
        "demo-insurance/policy.xml",
        Targets::Own,
        &[(
            "insurance_policies.csv",
            "id|premium|premium_frequency|status|start_date|end_date|company.code|company.founded_year|company.headquarters|company.id|company.name|company.website|product.code|product.coverages|product.description|product.id|product.type|policy_holder.academic_title|policy_holder.address.area_code|policy_holder.address.city|policy_holder.address.country|policy_holder.address.country_code|policy_holder.address.fax|policy_holder.address.full_address|policy_holder.address.house_number|policy_holder.address.mobile_phone|policy_holder.address.organization|policy_holder.address.phone|policy_holder.address.postal_code|policy_holder.address.state|policy_holder.address.state_code|policy_holder.address.street|policy_holder.age|policy_holder.birthdate|policy_holder.email|policy_holder.family_name|policy_holder.full_name|policy_holder.gender|policy_holder.given_name|policy_holder.mobile_phone|policy_holder.name|policy_holder.nobility_title|policy_holder.phone|policy_holder.salutation|coverages",
        )],
    ),
    (
        "demo-insurance/product.xml",
        Targets::Own,
        &[(
            "insurance_products.csv",
            "id|type|code|description|coverages",
        )],
    ),
    (
        "demo-json/1_generate.xml",
        Targets::AddedJson,
        &[(
            "data.json",
            "name,notes,cars,pets,hobbies,friends,family,work,newElementFromEnt",
        )],
    ),
    (
        "demo-json/2_template.xml",
        Targets::Own,
        &[(
            "person.json",
            "name,age,notes,cars,pets,hobbies,friends,family,work,timestamp,newElement,newElementFromEnt",
        )],
    ),
    (
        "demo-xml/1_xml_generate.xml",
        Targets::Own,
        &[
            ("array_xml.xml", "random_string,random_number"),
            ("generate_xml.xml", "author"),
            ("list_xml.xml", "detail"),
            ("part_dict.xml", "book,magazine"),
            ("part_list.xml", "book"),
        ],
    ),
    (
        "demo-xml/2_xml_template_1.xml",
        Targets::Own,
        &[("book.xml", "title,author,publishedDate,tags?,additionalTag")],
    ),
    (
        "demo-xml/3_xml_template_2.xml",
        Targets::Own,
        &[("university.xml", "students")],
    ),
    (
        "demo-xml/4_xml_template_script.xml",
        Targets::Own,
        &[("book_script.xml", "part")],
    ),
    (
        "overview-converter/common.xml",
        Targets::AddedJson,
        &[
            ("HashConverter1.json", "converter,value,value_converted"),
            ("HashConverter2.json", "converter,value,value_converted"),
            ("LowerCaseConverter.json", "converter,value,value_converted"),
            ("UpperCaseConverter.json", "converter,value,value_converted"),
        ],
    ),
    (
        "overview-converter/hash.xml",
        Targets::AddedJson,
        &[
            ("HashConverter3.json", "converter,value,value_hashed"),
            ("HashConverter4.json", "converter,value,value_hashed"),
            ("HashConverter5.json", "converter,value,value_hashed"),
            ("HashConverter6.json", "converter,value,value_hashed"),
            ("HashConverter7.json", "converter,value,value_hashed"),
            ("HashConverter8.json", "converter,value,value_hashed"),
        ],
    ),
    (
        "overview-converter/remove_none_or_empty_element.xml",
        Targets::Own,
        &[("stdout", "")],
    ),
    (
        "overview-generator/address.xml",
        Targets::AddedJson,
        &[
            (
                "Address.json",
                "street,house_number,postal_code,city,state,country,office_phone,private_phone,mobile_phone,fax,organization",
            ),
            (
                "City.json",
                "name,name_extension,state,country,area_code,language,population",
            ),
            (
                "Country.json",
                "iso_code,name,default_language_locale,phone_code,population",
            ),
            ("StreetName.json", "value"),
        ],
    ),
    (
        "overview-generator/br.xml",
        Targets::AddedJson,
        &[("CNPJ.json", "value"), ("CPFG.json", "value")],
    ),
    (
        "overview-generator/company.xml",
        Targets::AddedJson,
        &[(
            "Company.json",
            "city,city_name,country,country_code,email,fax,full_name,house_number,id,sector,short_name,office_phone,zip_code,state,street,url",
        )],
    ),
    (
        "overview-generator/faker.xml",
        Targets::AddedJson,
        &[(
            "standard_faker_providers.json",
            "no,address,building_number,license_plate,vin,bank_swift_code,bank_country,bar_code_ean,color_name,color_hex,color_rgb,color_hsl,credit_card_number,credit_card_provider,emoji,file_extension,image_file_extension,file_name,file_path,geo_coordinate,geo_latitude,geo_longitude,internet_ip4,isbn10,isbn13,job,misc_sha256,passport_number,sbn9,ssn,user_agent,user_agent_chrome,random_int,cryptocurrency_name,cryptocurrency_code",
        )],
    ),
    (
        "overview-generator/finance.xml",
        Targets::AddedJson,
        &[
            ("Bank.json", "bank_code,bic,bin,name"),
            (
                "BankAccount.json",
                "account_number,bank_code,bank_name,bic,iban",
            ),
            (
                "CreditCardNumber.json",
                "credit_card_number,card_holder,cvc_number,expiration_date,credit_card_provider",
            ),
        ],
    ),
    (
        "overview-generator/internet.xml",
        Targets::AddedJson,
        &[
            ("contact_info.json", "phone"),
            ("location_info.json", "street"),
            ("url_info.json", "url"),
        ],
    ),
    (
        "overview-generator/net.xml",
        Targets::AddedJson,
        &[("Domain Generator.json", "value")],
    ),
    (
        "overview-generator/organization.xml",
        Targets::AddedJson,
        &[
            ("CompanyName.json", "name"),
            ("DepartmentName.json", "value"),
            ("Sector.json", "value"),
        ],
    ),
    (
        "overview-generator/person.xml",
        Targets::AddedJson,
        &[
            ("EmailAddress.json", "value"),
            (
                "Person.json",
                "academic_title,age,birth_date,given_name,family_name,email,gender,salutation",
            ),
        ],
    ),
    (
        "overview-generator/product.xml",
        Targets::AddedJson,
        &[("EAN.json", "value")],
    ),
    (
        "overview-generator/security.xml",
        Targets::AddedJson,
        &[
            ("hashes.json", "sha256,sha512,md5"),
            (
                "passwords.json",
                "strong_password,simple_password,numeric_password",
            ),
            ("tokens.json", "hex_token,urlsafe_token"),
            ("uuids.json", "uuid"),
        ],
    ),
    (
        "overview-generator/us.xml",
        Targets::AddedJson,
        &[("SSN.json", "value")],
    ),
];

/// Showcase files that do not run on their own, each with why and the start of its error.
const NOT_ALONE: &[(&str, &str, &str)] = &[
    (
        "demo-custom-components/1_generator_multi.xml",
        "included by demo-custom-components/datamimic.xml, which reads `global_count` from conf/base.properties and executes the generator scripts",
        "1_generator_multi.xml:11:52: `count`: unknown placeholder `{global_count}`: not a property or constant setup variable defined before it",
    ),
    (
        "demo-custom-components/2_converter_multi.xml",
        "included by demo-custom-components/datamimic.xml (its properties and converter scripts)",
        "2_converter_multi.xml:11:50: `count`: unknown placeholder `{global_count}`: not a property or constant setup variable defined before it",
    ),
    (
        "demo-custom-components/3_generator_global_single.xml",
        "included by demo-custom-components/datamimic.xml (its properties and generator scripts)",
        "3_generator_global_single.xml:11:64: `count`: unknown placeholder `{global_count}`: not a property or constant setup variable defined before it",
    ),
    (
        "demo-database/1_prepare.xml",
        "included by demo-database/datamimic.xml, which declares the database `db`",
        "1_prepare.xml:2:49: `target`: no `<database>` `db` is declared before",
    ),
    (
        "demo-database/2_generate.xml",
        "included by demo-database/datamimic.xml, which declares the database `db`",
        "2_generate.xml:2:50: `target`: unknown target `db`",
    ),
    (
        "demo-db-mapping/1_prepare.xml",
        "included by demo-db-mapping/datamimic.xml, which declares the database `mapping`",
        "1_prepare.xml:2:49: `target`: no `<database>` `mapping` is declared before",
    ),
    (
        "demo-db-mapping/2_mapping.xml",
        "included by demo-db-mapping/datamimic.xml (its properties and database)",
        "2_mapping.xml:4:48: `count`: unknown placeholder `{global_count}`: not a property or constant setup variable defined before it",
    ),
    (
        "demo-masking/1_prepare.xml",
        "included by demo-masking/datamimic.xml, which declares the databases `source` and `target` and reads conf/base.properties",
        "1_prepare.xml:2:50: `target`: no `<database>` `source` is declared before",
    ),
    (
        "demo-masking/2_generate.xml",
        "included by demo-masking/datamimic.xml, which declares the database `source`",
        "2_generate.xml:3:39: `source`: `source`: only CSV (`*.ent.csv`), JSON and XML files can be sources yet, and the ids of `<memstore>`s and `<database>`s declared before",
    ),
    (
        "demo-masking/3-1-anon-person-constant.xml",
        "included by demo-masking/datamimic.xml, which declares the memstore `mem` and its properties",
        "3-1-anon-person-constant.xml:2:78: `target`: unknown target `mem`",
    ),
    (
        "demo-masking/3-2-anon-person-hash.xml",
        "included by demo-masking/datamimic.xml, which declares the memstore `mem` and its properties",
        "3-2-anon-person-hash.xml:2:70: `target`: unknown target `mem`",
    ),
    (
        "demo-model/1_prepare.xml",
        "included by demo-model/datamimic.xml, which declares the memstore `mem`",
        "1_prepare.xml:3:61: `target`: unknown target `mem`",
    ),
    (
        "demo-model/2_generate.xml",
        "included by demo-model/datamimic.xml, which reads conf/base.properties",
        "2_generate.xml:7:38: `count`: unknown placeholder `{customer_count}`: not a property or constant setup variable defined before it",
    ),
    (
        "demo-postprocess/1_prepare.xml",
        "included by demo-postprocess/datamimic.xml, which declares the memstore `mem`",
        "1_prepare.xml:2:58: `target`: unknown target `mem`",
    ),
    (
        "demo-postprocess/2_generate.xml",
        "included by demo-postprocess/datamimic.xml, which declares the memstore `mem`",
        "2_generate.xml:2:50: `source`: `mem`: only CSV (`*.ent.csv`), JSON and XML files can be sources yet, and the ids of `<memstore>`s and `<database>`s declared before",
    ),
    (
        "demo-py-scripting/1_generate.xml",
        "included by demo-py-scripting/datamimic.xml, which executes script/lib.scr.py, which defines `multiply`",
        "1_generate.xml:4:56: `multiply_result`: script failed on record 0: NameError: name `multiply` is not defined",
    ),
    (
        "demo-watermark/1_prepare.xml",
        "included by demo-watermark/datamimic.xml, which declares the databases `source`, `config` and `target`",
        "1_prepare.xml:4:50: `target`: no `<database>` `source` is declared before",
    ),
    (
        "demo-watermark/2_watermark.xml",
        "included by demo-watermark/datamimic.xml, which declares its databases",
        "2_watermark.xml:6:58: `target`: unknown target `source`",
    ),
    (
        "demo-xml/script/book.template.xml",
        "a data template, the source of demo-xml/2_xml_template_1.xml, not a descriptor",
        "book.template.xml:1:1: the root element must be `<setup>`, not `<list>`",
    ),
    (
        "demo-xml/script/university.template.xml",
        "a data template, the source of demo-xml/3_xml_template_2.xml, not a descriptor",
        "university.template.xml:2:1: the root element must be `<setup>`, not `<list>`",
    ),
    (
        "overview-generator/business.xml",
        "DATAMIMIC CE 4.3 fails too (no `CreditCardGenerator`, `CurrencyGenerator`, `JobTitleGenerator`); left out of its datamimic.xml as a TODO",
        "business.xml:6:49: `generator`: unknown generator `CreditCardGenerator`",
    ),
    (
        "overview-generator/crm_records.xml",
        "DATAMIMIC CE 4.3 fails too (`<param>` inside `<variable>`); our `<param>`s are constructor arguments, but CRM has no segment (nor `address`, `preferences`) to take, and `user_account.user_id` is an integer the file adds to text",
        "crm_records.xml:19:26: `name`: unknown entity argument `segment`; supported: min_age, max_age,",
    ),
    (
        "overview-generator/digital_wallets.xml",
        "DATAMIMIC CE 4.3 fails too (`<param>` inside `<variable>`); our `<param>`s are constructor arguments, but DigitalWallet takes no type, currency or balance range (its types are card-linked ones, its currency its country's, not BTC), has no `owner_id`, `payment_methods`, `transaction_history` or `settings`, and `user_account.user_id` is an integer the file adds to text",
        "digital_wallets.xml:19:26: `name`: unknown entity argument `wallet_type`; supported: min_age, max_age,",
    ),
    (
        "overview-generator/document.xml",
        "DATAMIMIC CE 4.3 fails too (no `ISBNGenerator`, `FilePathGenerator`); left out of its datamimic.xml as a TODO",
        "document.xml:6:39: `generator`: unknown generator `ISBNGenerator`",
    ),
    (
        "overview-generator/ecommerce.xml",
        "DATAMIMIC CE 4.3 fails too (it has no `Invoice` entity); Invoice's and Transaction's properties exist now (`invoice_id`, `date`, `amount`, `payment_terms`, `timestamp`, `type`), but our Payment records no processor and no invoice",
        "ecommerce.xml:43:55: `payment_processor`: script failed on record 0: `payment` has no property `processor`",
    ),
    (
        "overview-generator/healthcare.xml",
        "DATAMIMIC CE 4.3 fails too (no `DiagnosisGenerator`, `VitalSignsGenerator`); left out of its datamimic.xml as a TODO",
        "healthcare.xml:6:50: `generator`: unknown generator `DiagnosisGenerator`",
    ),
    (
        "overview-generator/science.xml",
        "DATAMIMIC CE 4.3 fails too (no `NucleotideSequenceGenerator`, `ChemicalFormulaGenerator`); left out of its datamimic.xml as a TODO",
        "science.xml:6:45: `generator`: unknown generator `NucleotideSequenceGenerator`",
    ),
    (
        "overview-generator/text_visual.xml",
        "DATAMIMIC CE 4.3 fails too (no `ParagraphGenerator`); left out of its datamimic.xml as a TODO",
        "text_visual.xml:6:50: `generator`: unknown generator `ParagraphGenerator`",
    ),
    (
        "overview-generator/transactions.xml",
        "DATAMIMIC CE 4.3 fails too (`<key>` inside `<variable>`: whether its keys share one Transaction is not defined, and `time`, `source`, `destination` are not Transaction's)",
        "transactions.xml:6:13: `<variable>` `standard_transactions` takes no child elements (`<key>`)",
    ),
    (
        "overview-generator/user_accounts.xml",
        "DATAMIMIC CE 4.3 fails too (it has no `UserAccount` entity); UserAccount's `email`, `registration_date` and `preferences` exist now, but its `user_id` is an integer the file adds to text (a TypeError in Python), and making it text would change every UserAccount export",
        "user_accounts.xml:35:48: `admin_manages_user`: script failed on record 0: TypeError: unsupported operand type(s) for +: 'int' and 'str'",
    ),
];

/// The showcase files of the demos that need a database server (not copied into the test
/// demos); their `datamimic.xml`s are refused naming the `<database system="postgres">` or
/// `<mongodb>` element.
const SERVER_DEMOS: &[&str] = &[
    "demo-mongodb/1_generate.xml",
    "demo-mongodb/2_query_update.xml",
    "demo-mongodb/3_upsert_delete.xml",
    "demo-selector/1_simple_sql_selector.xml",
    "demo-selector/2_dynamic_sql_selector.xml",
    "demo-selector/3_simple_mongodb_selector.xml",
    "demo-selector/4_dynamic_mongodb_selector.xml",
    "demo-selector/5_advance_config.xml",
];

/// The XML files of the test demos other than their `datamimic.xml`, as `demo/path`.
fn showcase_files() -> Vec<String> {
    fn walk(dir: &Path, base: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, base, found);
            } else if path.extension().is_some_and(|e| e == "xml")
                && path.file_name().is_some_and(|n| n != "datamimic.xml")
            {
                let relative = path.strip_prefix(base).unwrap();
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut found = Vec::new();
    walk(&demos_dir(), &demos_dir(), &mut found);
    found.sort();
    found
}

/// `descriptor` with `target="JSON"` on each innermost `<generate>` that has no target.
fn with_json_targets(descriptor: &str) -> String {
    let doc = roxmltree::Document::parse(descriptor).unwrap();
    let mut at: Vec<usize> = doc
        .descendants()
        .filter(|n| n.has_tag_name("generate") && n.attribute("target").is_none())
        .filter(|n| !n.descendants().skip(1).any(|d| d.has_tag_name("generate")))
        .map(|n| n.range().start + "<generate".len())
        .collect();
    at.sort_unstable();
    let mut text = descriptor.to_owned();
    for position in at.into_iter().rev() {
        text.insert_str(position, r#" target="JSON""#);
    }
    text
}

/// Runs showcase `file` in a copy of its demo folder; returns whether it succeeded, its
/// standard output and error, and the output folder.
fn run_file(
    s: &Scratch,
    file: &str,
    targets: Targets,
) -> (bool, String, String, std::path::PathBuf) {
    let (demo, inside) = file.split_once('/').unwrap();
    let dir = s.path(&file.replace('/', "_"));
    copy_dir(&demos_dir().join(demo), &dir);
    let path = dir.join(inside);
    if targets == Targets::AddedJson {
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, with_json_targets(&text)).unwrap();
    }
    let folder = path.parent().unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    let out = datamimic(folder, &["run", name, "--output-dir", "out"]);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        folder.join("out"),
    )
}

/// Checks that each record's keys hold the expected ones: all those without `?`, and none
/// that is not listed (an empty list: records emptied by `RemoveNoneOrEmptyElement`).
fn check_keys(what: &str, records: &[Vec<&str>], expected: &str) {
    assert!(!records.is_empty(), "{what}: no records");
    let names = || expected.split(',').filter(|k| !k.is_empty());
    let listed: HashSet<&str> = names().map(|k| k.trim_end_matches('?')).collect();
    let required: HashSet<&str> = names().filter(|k| !k.ends_with('?')).collect();
    for keys in records {
        let keys: HashSet<&str> = keys.iter().copied().collect();
        assert!(
            required.is_subset(&keys) && keys.is_subset(&listed),
            "{what}: keys {keys:?}, expected {expected}"
        );
    }
}

fn check_output(file: &str, out: &Path, stdout: &str, name: &str, columns: &str) {
    let what = format!("{file}: {name}");
    if name == "stdout" {
        let records: Vec<serde_json::Map<String, serde_json::Value>> = stdout
            .lines()
            .filter(|l| l.starts_with('{'))
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let keys: Vec<Vec<&str>> = records
            .iter()
            .map(|r| r.keys().map(String::as_str).collect())
            .collect();
        return check_keys(&what, &keys, columns);
    }
    let text = std::fs::read_to_string(out.join(name)).unwrap();
    if name.ends_with(".csv") {
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(columns), "{what}");
        assert!(
            lines.next().is_some_and(|l| !l.is_empty()),
            "{what}: no rows"
        );
    } else if name.ends_with(".json") {
        let records = match serde_json::from_str(&text).unwrap() {
            serde_json::Value::Array(records) => records,
            record => vec![record],
        };
        let keys: Vec<Vec<&str>> = records
            .iter()
            .map(|r| r.as_object().unwrap().keys().map(String::as_str).collect())
            .collect();
        check_keys(&what, &keys, columns);
    } else {
        let doc = roxmltree::Document::parse(&text).unwrap();
        assert_eq!(doc.root_element().tag_name().name(), "list", "{what}");
        let keys: Vec<Vec<&str>> = doc
            .root_element()
            .children()
            .filter(|n| n.is_element())
            .map(|item| {
                item.children()
                    .filter(|n| n.is_element())
                    .map(|n| n.tag_name().name())
                    .collect()
            })
            .collect();
        check_keys(&what, &keys, columns);
    }
}

#[test]
fn datamimic_showcase_files_run_on_their_own() {
    let s = Scratch::new("showcase");
    let listed: Vec<&str> = RUNNING
        .iter()
        .map(|(f, _, _)| *f)
        .chain(NOT_ALONE.iter().map(|(f, _, _)| *f))
        .collect();
    let mut sorted = listed.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        showcase_files(),
        "every showcase file is listed once"
    );
    for (file, targets, outputs) in RUNNING {
        let (ran, stdout, stderr, out) = run_file(&s, file, *targets);
        assert!(ran, "{file} failed: {stderr}");
        let mut written: Vec<&str> = outputs
            .iter()
            .map(|(n, _)| *n)
            .filter(|n| *n != "stdout")
            .collect();
        written.sort_unstable();
        assert_eq!(files(&out), written, "{file}");
        for (name, columns) in *outputs {
            check_output(file, &out, &stdout, name, columns);
        }
    }
    for (file, why, error) in NOT_ALONE {
        let (ran, _, stderr, _) = run_file(&s, file, Targets::Own);
        assert!(
            !ran,
            "{file} runs now (listed as not running: {why}): check what it writes"
        );
        let first = crate::first_error(&stderr);
        assert!(
            first.starts_with(&format!("datamimic: error: {error}")),
            "{file} ({why}): {stderr}"
        );
    }
    eprintln!(
        "{} of {} DATAMIMIC showcase files run ({} need a database server)",
        RUNNING.len(),
        RUNNING.len() + NOT_ALONE.len() + SERVER_DEMOS.len(),
        SERVER_DEMOS.len()
    );
}
