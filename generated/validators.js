// generated from openapi/ by scripts/generate.mjs — do not edit; change openapi/ and run `npm run generate`
// Self-contained ESM: nothing imported, nothing CommonJS, no code compiled at run time (safe under a strict CSP).
/*!
 * This file contains code from the following packages, each under the MIT License:
 *
 * ajv (https://github.com/ajv-validator/ajv): the validators' code (AJV's standalone output) and ucs2length.
 * Copyright (c) 2015-2021 Evgeny Poberezkin
 *
 * ajv-formats (https://github.com/ajv-validator/ajv-formats): the format checks and format patterns.
 * Copyright (c) 2020 Evgeny Poberezkin
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy
 * of this software and associated documentation files (the "Software"), to deal
 * in the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in all
 * copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 * FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 * AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 * LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 * OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
 * SOFTWARE.
 *
 * @license MIT
 */

// String length in Unicode code points, as JSON Schema counts it (a surrogate pair is one
// character): ajv 8's lib/runtime/ucs2length.ts (MIT, (c) Evgeny Poberezkin; the notice is at the top of
// generated/validators.js). Inlined into generated/validators.js in place of ajv/dist/runtime/ucs2length.
function ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}

// Format checks ported from ajv-formats 3 ("full" mode, MIT licence, (c) Evgeny Poberezkin; the notice is at the top of this file): those this spec uses (scripts/runtime/formats.js).

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
const DATE_TIME_SEPARATOR = /t|\s/i;
const NOT_URI_FRAGMENT = /\/|:/;
const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

function isLeapYear(year) {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function fullDate(str) {
  const m = DATE.exec(str);
  if (!m) return false;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]);
}

function fullTime(str, lenient) {
  const m = TIME.exec(str);
  if (!m) return false;
  const hr = +m[1];
  const min = +m[2];
  const sec = +m[3];
  const tz = m[4];
  const tzSign = m[5] === "-" ? -1 : 1;
  const tzH = +(m[6] || 0);
  const tzM = +(m[7] || 0);
  if (tzH > 23 || tzM > 59 || (!lenient && !tz)) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  const utcMin = min - tzM * tzSign;
  const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}

function twoDigits(str, i) {
  const a = str.charCodeAt(i) - 48;
  const b = str.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function plainDateTime(str) {
  const n = str.length;
  if (n < 20 || str.charCodeAt(4) !== 45 || str.charCodeAt(7) !== 45 || (str.charCodeAt(10) | 32) !== 116 || str.charCodeAt(13) !== 58 || str.charCodeAt(16) !== 58) return false;
  const y1 = twoDigits(str, 0);
  const y2 = twoDigits(str, 2);
  const month = twoDigits(str, 5);
  const day = twoDigits(str, 8);
  const hr = twoDigits(str, 11);
  const min = twoDigits(str, 14);
  const sec = twoDigits(str, 17);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1 || hr < 0 || hr > 23 || min < 0 || min > 59 || sec < 0 || sec > 59) return false;
  if (day > (month === 2 && isLeapYear(y1 * 100 + y2) ? 29 : DAYS[month])) return false;
  let i = 19;
  if (str.charCodeAt(i) === 46) {
    i++;
    const start = i;
    while (i < n && str.charCodeAt(i) >= 48 && str.charCodeAt(i) <= 57) i++;
    if (i === start) return false;
  }
  const c = str.charCodeAt(i);
  if ((c | 32) === 122) return i + 1 === n;
  if ((c === 43 || c === 45) && i + 6 === n && str.charCodeAt(i + 3) === 58) {
    const tzH = twoDigits(str, i + 1);
    const tzM = twoDigits(str, i + 4);
    return tzH >= 0 && tzH <= 23 && tzM >= 0 && tzM <= 59;
  }
  return false;
}

function dateTime(str) {
  if (plainDateTime(str)) return true;
  const parts = str.split(DATE_TIME_SEPARATOR);
  return parts.length === 2 && fullDate(parts[0]) && fullTime(parts[1]);
}

const PLAIN_URI = /^[a-z][a-z\d+.-]*:\/\/[\w.~!$&'()*+,;=-]*(?::\d*)?(?:\/[\w.~!$&'()*+,;=:@-]*)*(?:\?[\w.~!$&'()*+,;=:@/?-]*)?(?:#[\w.~!$&'()*+,;=:@/?-]*)?$/i;

function uri(str) {
  return PLAIN_URI.test(str) || (NOT_URI_FRAGMENT.test(str) && URI.test(str));
}

function joined(list, more){
if(list === null) return more.length > 1000 ? more.slice(0, 1000) : more;
var room = 1000 - list.length;
if(room <= 0) return list;
return list.concat(more.length > room ? more.slice(0, room) : more);
}
export const validateChannel = validate0;
var schema0 = {"$id":"urn:puffle:schema:Channel","type":"string","enum":["linkedin","email"]};

function validate0(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:Channel" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(typeof data !== "string"){
var err0 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
if(!((data === "linkedin") || (data === "email"))){
var err1 = {instancePath:instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema0.enum.slice()},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
}
validate0.errors = vErrors;
return errors === 0;
}

export const validateConversation = validate1;
var schema1 = {"$id":"urn:puffle:schema:Conversation","required":["id","user_id","account_id","channel","status","external_id","participant_name","participant_email","participant_linkedin_url","last_message_at","unread_count","created_at","updated_at"],"type":"object","allOf":[{"$ref":"urn:puffle:schema:ConversationRow"}]};
var schema2 = {"$id":"urn:puffle:schema:ConversationRow","type":"object","properties":{"account_id":{"type":["string","null"],"format":"uuid","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},"channel":{"$ref":"urn:puffle:schema:Channel"},"created_at":{"type":"string","format":"date-time","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"},"external_id":{"type":["string","null"]},"id":{"$ref":"urn:puffle:schema:Uuid"},"last_message_at":{"type":["string","null"],"format":"date-time","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"},"participant_email":{"type":["string","null"],"format":"email"},"participant_linkedin_url":{"type":["string","null"],"format":"uri"},"participant_name":{"type":["string","null"]},"status":{"$ref":"urn:puffle:schema:ConversationStatus"},"unread_count":{"$ref":"urn:puffle:schema:UnreadCount"},"updated_at":{"type":"string","format":"date-time","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"},"user_id":{"$ref":"urn:puffle:schema:Uuid"}}};
var schema4 = {"$id":"urn:puffle:schema:Uuid","type":"string","format":"uuid","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"};
var schema5 = {"$id":"urn:puffle:schema:ConversationStatus","type":"string","enum":["active","archived","draft"]};
var schema6 = {"$id":"urn:puffle:schema:UnreadCount","type":"integer","minimum":0,"maximum":9007199254740991};
var formats0 = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
var formats2 = dateTime;
var formats8 = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
var formats10 = uri;
var pattern0 = /* @__PURE__ */ new RegExp("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", "u");
var pattern1 = /* @__PURE__ */ new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$", "u");

function validate2(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:ConversationRow" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.account_id !== undefined){
var data0 = data.account_id;
if((typeof data0 !== "string") && (data0 !== null)){
var err0 = {instancePath:instancePath+"/account_id",schemaPath:"#/properties/account_id/type",keyword:"type",params:{type: schema2.properties.account_id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
var err1 = {instancePath:instancePath+"/account_id",schemaPath:"#/properties/account_id/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
if(!(formats0.test(data0))){
var err2 = {instancePath:instancePath+"/account_id",schemaPath:"#/properties/account_id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err2];
}
else {
if(vErrors.length < 1000) vErrors.push(err2);
}
errors++;
}
}
}
}
if(data.channel !== undefined){
var data1 = data.channel;
if(typeof data1 !== "string"){
var err3 = {instancePath:instancePath+"/channel",schemaPath:"urn:puffle:schema:Channel/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
if(vErrors.length < 1000) vErrors.push(err3);
}
errors++;
}
if(!((data1 === "linkedin") || (data1 === "email"))){
var err4 = {instancePath:instancePath+"/channel",schemaPath:"urn:puffle:schema:Channel/enum",keyword:"enum",params:{allowedValues: schema0.enum.slice()},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err4];
}
else {
if(vErrors.length < 1000) vErrors.push(err4);
}
errors++;
}
}
if(data.created_at !== undefined){
var data2 = data.created_at;
if(typeof data2 === "string"){
if(!pattern1.test(data2)){
var err5 = {instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"+"\""};
if(vErrors === null){
vErrors = [err5];
}
else {
if(vErrors.length < 1000) vErrors.push(err5);
}
errors++;
}
if(!(formats2(data2))){
var err6 = {instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""};
if(vErrors === null){
vErrors = [err6];
}
else {
if(vErrors.length < 1000) vErrors.push(err6);
}
errors++;
}
}
else {
var err7 = {instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
if(vErrors.length < 1000) vErrors.push(err7);
}
errors++;
}
}
if(data.external_id !== undefined){
var data3 = data.external_id;
if((typeof data3 !== "string") && (data3 !== null)){
var err8 = {instancePath:instancePath+"/external_id",schemaPath:"#/properties/external_id/type",keyword:"type",params:{type: schema2.properties.external_id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err8];
}
else {
if(vErrors.length < 1000) vErrors.push(err8);
}
errors++;
}
}
if(data.id !== undefined){
var data4 = data.id;
if(typeof data4 === "string"){
if(!pattern0.test(data4)){
var err9 = {instancePath:instancePath+"/id",schemaPath:"urn:puffle:schema:Uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""};
if(vErrors === null){
vErrors = [err9];
}
else {
if(vErrors.length < 1000) vErrors.push(err9);
}
errors++;
if(!(formats0.test(data4))){
var err10 = {instancePath:instancePath+"/id",schemaPath:"urn:puffle:schema:Uuid/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err10];
}
else {
if(vErrors.length < 1000) vErrors.push(err10);
}
errors++;
}
}
}
else {
var err11 = {instancePath:instancePath+"/id",schemaPath:"urn:puffle:schema:Uuid/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
if(vErrors.length < 1000) vErrors.push(err11);
}
errors++;
}
}
if(data.last_message_at !== undefined){
var data5 = data.last_message_at;
if((typeof data5 !== "string") && (data5 !== null)){
var err12 = {instancePath:instancePath+"/last_message_at",schemaPath:"#/properties/last_message_at/type",keyword:"type",params:{type: schema2.properties.last_message_at.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err12];
}
else {
if(vErrors.length < 1000) vErrors.push(err12);
}
errors++;
}
if(typeof data5 === "string"){
if(!pattern1.test(data5)){
var err13 = {instancePath:instancePath+"/last_message_at",schemaPath:"#/properties/last_message_at/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"+"\""};
if(vErrors === null){
vErrors = [err13];
}
else {
if(vErrors.length < 1000) vErrors.push(err13);
}
errors++;
}
if(!(formats2(data5))){
var err14 = {instancePath:instancePath+"/last_message_at",schemaPath:"#/properties/last_message_at/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""};
if(vErrors === null){
vErrors = [err14];
}
else {
if(vErrors.length < 1000) vErrors.push(err14);
}
errors++;
}
}
}
if(data.participant_email !== undefined){
var data6 = data.participant_email;
if((typeof data6 !== "string") && (data6 !== null)){
var err15 = {instancePath:instancePath+"/participant_email",schemaPath:"#/properties/participant_email/type",keyword:"type",params:{type: schema2.properties.participant_email.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err15];
}
else {
if(vErrors.length < 1000) vErrors.push(err15);
}
errors++;
}
if(typeof data6 === "string"){
if(!(formats8.test(data6))){
var err16 = {instancePath:instancePath+"/participant_email",schemaPath:"#/properties/participant_email/format",keyword:"format",params:{format: "email"},message:"must match format \""+"email"+"\""};
if(vErrors === null){
vErrors = [err16];
}
else {
if(vErrors.length < 1000) vErrors.push(err16);
}
errors++;
}
}
}
if(data.participant_linkedin_url !== undefined){
var data7 = data.participant_linkedin_url;
if((typeof data7 !== "string") && (data7 !== null)){
var err17 = {instancePath:instancePath+"/participant_linkedin_url",schemaPath:"#/properties/participant_linkedin_url/type",keyword:"type",params:{type: schema2.properties.participant_linkedin_url.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err17];
}
else {
if(vErrors.length < 1000) vErrors.push(err17);
}
errors++;
}
if(typeof data7 === "string"){
if(!(formats10(data7))){
var err18 = {instancePath:instancePath+"/participant_linkedin_url",schemaPath:"#/properties/participant_linkedin_url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""};
if(vErrors === null){
vErrors = [err18];
}
else {
if(vErrors.length < 1000) vErrors.push(err18);
}
errors++;
}
}
}
if(data.participant_name !== undefined){
var data8 = data.participant_name;
if((typeof data8 !== "string") && (data8 !== null)){
var err19 = {instancePath:instancePath+"/participant_name",schemaPath:"#/properties/participant_name/type",keyword:"type",params:{type: schema2.properties.participant_name.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err19];
}
else {
if(vErrors.length < 1000) vErrors.push(err19);
}
errors++;
}
}
if(data.status !== undefined){
var data9 = data.status;
if(typeof data9 !== "string"){
var err20 = {instancePath:instancePath+"/status",schemaPath:"urn:puffle:schema:ConversationStatus/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
if(vErrors.length < 1000) vErrors.push(err20);
}
errors++;
}
if(!(((data9 === "active") || (data9 === "archived")) || (data9 === "draft"))){
var err21 = {instancePath:instancePath+"/status",schemaPath:"urn:puffle:schema:ConversationStatus/enum",keyword:"enum",params:{allowedValues: schema5.enum.slice()},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err21];
}
else {
if(vErrors.length < 1000) vErrors.push(err21);
}
errors++;
}
}
if(data.unread_count !== undefined){
var data10 = data.unread_count;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
var err22 = {instancePath:instancePath+"/unread_count",schemaPath:"urn:puffle:schema:UnreadCount/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err22];
}
else {
if(vErrors.length < 1000) vErrors.push(err22);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 9007199254740991 || isNaN(data10)){
var err23 = {instancePath:instancePath+"/unread_count",schemaPath:"urn:puffle:schema:UnreadCount/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"};
if(vErrors === null){
vErrors = [err23];
}
else {
if(vErrors.length < 1000) vErrors.push(err23);
}
errors++;
}
if(data10 < 0 || isNaN(data10)){
var err24 = {instancePath:instancePath+"/unread_count",schemaPath:"urn:puffle:schema:UnreadCount/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err24];
}
else {
if(vErrors.length < 1000) vErrors.push(err24);
}
errors++;
}
}
}
if(data.updated_at !== undefined){
var data11 = data.updated_at;
if(typeof data11 === "string"){
if(!pattern1.test(data11)){
var err25 = {instancePath:instancePath+"/updated_at",schemaPath:"#/properties/updated_at/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"+"\""};
if(vErrors === null){
vErrors = [err25];
}
else {
if(vErrors.length < 1000) vErrors.push(err25);
}
errors++;
}
if(!(formats2(data11))){
var err26 = {instancePath:instancePath+"/updated_at",schemaPath:"#/properties/updated_at/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""};
if(vErrors === null){
vErrors = [err26];
}
else {
if(vErrors.length < 1000) vErrors.push(err26);
}
errors++;
}
}
else {
var err27 = {instancePath:instancePath+"/updated_at",schemaPath:"#/properties/updated_at/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
if(vErrors.length < 1000) vErrors.push(err27);
}
errors++;
}
}
if(data.user_id !== undefined){
var data12 = data.user_id;
if(typeof data12 === "string"){
if(!pattern0.test(data12)){
var err28 = {instancePath:instancePath+"/user_id",schemaPath:"urn:puffle:schema:Uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""};
if(vErrors === null){
vErrors = [err28];
}
else {
if(vErrors.length < 1000) vErrors.push(err28);
}
errors++;
if(!(formats0.test(data12))){
var err29 = {instancePath:instancePath+"/user_id",schemaPath:"urn:puffle:schema:Uuid/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err29];
}
else {
if(vErrors.length < 1000) vErrors.push(err29);
}
errors++;
}
}
}
else {
var err30 = {instancePath:instancePath+"/user_id",schemaPath:"urn:puffle:schema:Uuid/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
if(vErrors.length < 1000) vErrors.push(err30);
}
errors++;
}
}
}
else {
var err31 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
if(vErrors.length < 1000) vErrors.push(err31);
}
errors++;
}
validate2.errors = vErrors;
return errors === 0;
}


function validate1(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:Conversation" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(!(validate2(data, {instancePath:instancePath,parentData:parentData,parentDataProperty:parentDataProperty,rootData:rootData}))){
vErrors = joined(vErrors, validate2.errors);
errors = vErrors.length;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
var err0 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
if(data.user_id === undefined){
var err1 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "user_id"},message:"must have required property '"+"user_id"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
}
if(data.account_id === undefined){
var err2 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "account_id"},message:"must have required property '"+"account_id"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
if(vErrors.length < 1000) vErrors.push(err2);
}
errors++;
}
if(data.channel === undefined){
var err3 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "channel"},message:"must have required property '"+"channel"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
if(vErrors.length < 1000) vErrors.push(err3);
}
errors++;
}
if(data.status === undefined){
var err4 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
if(vErrors.length < 1000) vErrors.push(err4);
}
errors++;
}
if(data.external_id === undefined){
var err5 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "external_id"},message:"must have required property '"+"external_id"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
if(vErrors.length < 1000) vErrors.push(err5);
}
errors++;
}
if(data.participant_name === undefined){
var err6 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "participant_name"},message:"must have required property '"+"participant_name"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
if(vErrors.length < 1000) vErrors.push(err6);
}
errors++;
}
if(data.participant_email === undefined){
var err7 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "participant_email"},message:"must have required property '"+"participant_email"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
if(vErrors.length < 1000) vErrors.push(err7);
}
errors++;
}
if(data.participant_linkedin_url === undefined){
var err8 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "participant_linkedin_url"},message:"must have required property '"+"participant_linkedin_url"+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
if(vErrors.length < 1000) vErrors.push(err8);
}
errors++;
}
if(data.last_message_at === undefined){
var err9 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "last_message_at"},message:"must have required property '"+"last_message_at"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
if(vErrors.length < 1000) vErrors.push(err9);
}
errors++;
}
if(data.unread_count === undefined){
var err10 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "unread_count"},message:"must have required property '"+"unread_count"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
if(vErrors.length < 1000) vErrors.push(err10);
}
errors++;
}
if(data.created_at === undefined){
var err11 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "created_at"},message:"must have required property '"+"created_at"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
if(vErrors.length < 1000) vErrors.push(err11);
}
errors++;
}
if(data.updated_at === undefined){
var err12 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "updated_at"},message:"must have required property '"+"updated_at"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
if(vErrors.length < 1000) vErrors.push(err12);
}
errors++;
}
}
else {
var err13 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
if(vErrors.length < 1000) vErrors.push(err13);
}
errors++;
}
validate1.errors = vErrors;
return errors === 0;
}

export const validateConversationRow = validate2;

export const validateConversationStatus = validate4;

function validate4(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:ConversationStatus" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(typeof data !== "string"){
var err0 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
if(!(((data === "active") || (data === "archived")) || (data === "draft"))){
var err1 = {instancePath:instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema5.enum.slice()},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
}
validate4.errors = vErrors;
return errors === 0;
}

export const validateDraftAttachment = validate5;
var schema9 = {"$id":"urn:puffle:schema:DraftAttachment","type":"object","additionalProperties":true};

function validate5(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:DraftAttachment" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
}
else {
var err0 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
validate5.errors = vErrors;
return errors === 0;
}

export const validateDuplicateThreadProblem = validate6;
var schema10 = {"$id":"urn:puffle:schema:DuplicateThreadProblem","type":"object","allOf":[{"$ref":"urn:puffle:schema:Problem"},{"required":["existing_thread"],"type":"object","properties":{"existing_thread":{"$ref":"urn:puffle:schema:Thread"}}}]};
var schema11 = {"$id":"urn:puffle:schema:Problem","required":["type","title","status"],"type":"object","properties":{"detail":{"type":"string"},"errors":{"type":"array","maxItems":100,"items":{"$ref":"urn:puffle:schema:ValidationError"}},"instance":{"type":"string","format":"uri-reference"},"status":{"type":"integer","minimum":400,"maximum":599},"title":{"type":"string"},"type":{"type":"string","format":"uri-reference"}}};
var schema12 = {"$id":"urn:puffle:schema:ValidationError","required":["path","keyword","message"],"type":"object","properties":{"keyword":{"type":"string"},"message":{"type":"string"},"path":{"type":"string"}}};
var formats16 = /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

function validate7(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:Problem" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
var err0 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
if(data.title === undefined){
var err1 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "title"},message:"must have required property '"+"title"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
}
if(data.status === undefined){
var err2 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
if(vErrors.length < 1000) vErrors.push(err2);
}
errors++;
}
if(data.detail !== undefined){
if(typeof data.detail !== "string"){
var err3 = {instancePath:instancePath+"/detail",schemaPath:"#/properties/detail/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
if(vErrors.length < 1000) vErrors.push(err3);
}
errors++;
}
}
if(data.errors !== undefined){
var data1 = data.errors;
if(Array.isArray(data1)){
if(data1.length > 100){
var err4 = {instancePath:instancePath+"/errors",schemaPath:"#/properties/errors/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err4];
}
else {
if(vErrors.length < 1000) vErrors.push(err4);
}
errors++;
}
var len0 = data1.length;
for(var i0=0; i0<len0; i0++){
var data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.path === undefined){
var err5 = {instancePath:instancePath+"/errors/" + i0,schemaPath:"urn:puffle:schema:ValidationError/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
if(vErrors.length < 1000) vErrors.push(err5);
}
errors++;
}
if(data2.keyword === undefined){
var err6 = {instancePath:instancePath+"/errors/" + i0,schemaPath:"urn:puffle:schema:ValidationError/required",keyword:"required",params:{missingProperty: "keyword"},message:"must have required property '"+"keyword"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
if(vErrors.length < 1000) vErrors.push(err6);
}
errors++;
}
if(data2.message === undefined){
var err7 = {instancePath:instancePath+"/errors/" + i0,schemaPath:"urn:puffle:schema:ValidationError/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
if(vErrors.length < 1000) vErrors.push(err7);
}
errors++;
}
if(data2.keyword !== undefined){
if(typeof data2.keyword !== "string"){
var err8 = {instancePath:instancePath+"/errors/" + i0+"/keyword",schemaPath:"urn:puffle:schema:ValidationError/properties/keyword/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
if(vErrors.length < 1000) vErrors.push(err8);
}
errors++;
}
}
if(data2.message !== undefined){
if(typeof data2.message !== "string"){
var err9 = {instancePath:instancePath+"/errors/" + i0+"/message",schemaPath:"urn:puffle:schema:ValidationError/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
if(vErrors.length < 1000) vErrors.push(err9);
}
errors++;
}
}
if(data2.path !== undefined){
if(typeof data2.path !== "string"){
var err10 = {instancePath:instancePath+"/errors/" + i0+"/path",schemaPath:"urn:puffle:schema:ValidationError/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
if(vErrors.length < 1000) vErrors.push(err10);
}
errors++;
}
}
}
else {
var err11 = {instancePath:instancePath+"/errors/" + i0,schemaPath:"urn:puffle:schema:ValidationError/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
if(vErrors.length < 1000) vErrors.push(err11);
}
errors++;
}
}
}
else {
var err12 = {instancePath:instancePath+"/errors",schemaPath:"#/properties/errors/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err12];
}
else {
if(vErrors.length < 1000) vErrors.push(err12);
}
errors++;
}
}
if(data.instance !== undefined){
var data6 = data.instance;
if(typeof data6 === "string"){
if(!(formats16.test(data6))){
var err13 = {instancePath:instancePath+"/instance",schemaPath:"#/properties/instance/format",keyword:"format",params:{format: "uri-reference"},message:"must match format \""+"uri-reference"+"\""};
if(vErrors === null){
vErrors = [err13];
}
else {
if(vErrors.length < 1000) vErrors.push(err13);
}
errors++;
}
}
else {
var err14 = {instancePath:instancePath+"/instance",schemaPath:"#/properties/instance/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
if(vErrors.length < 1000) vErrors.push(err14);
}
errors++;
}
}
if(data.status !== undefined){
var data7 = data.status;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
var err15 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err15];
}
else {
if(vErrors.length < 1000) vErrors.push(err15);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 599 || isNaN(data7)){
var err16 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/maximum",keyword:"maximum",params:{comparison: "<=", limit: 599},message:"must be <= 599"};
if(vErrors === null){
vErrors = [err16];
}
else {
if(vErrors.length < 1000) vErrors.push(err16);
}
errors++;
}
if(data7 < 400 || isNaN(data7)){
var err17 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/minimum",keyword:"minimum",params:{comparison: ">=", limit: 400},message:"must be >= 400"};
if(vErrors === null){
vErrors = [err17];
}
else {
if(vErrors.length < 1000) vErrors.push(err17);
}
errors++;
}
}
}
if(data.title !== undefined){
if(typeof data.title !== "string"){
var err18 = {instancePath:instancePath+"/title",schemaPath:"#/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
if(vErrors.length < 1000) vErrors.push(err18);
}
errors++;
}
}
if(data.type !== undefined){
var data9 = data.type;
if(typeof data9 === "string"){
if(!(formats16.test(data9))){
var err19 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/format",keyword:"format",params:{format: "uri-reference"},message:"must match format \""+"uri-reference"+"\""};
if(vErrors === null){
vErrors = [err19];
}
else {
if(vErrors.length < 1000) vErrors.push(err19);
}
errors++;
}
}
else {
var err20 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
if(vErrors.length < 1000) vErrors.push(err20);
}
errors++;
}
}
}
else {
var err21 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err21];
}
else {
if(vErrors.length < 1000) vErrors.push(err21);
}
errors++;
}
validate7.errors = vErrors;
return errors === 0;
}

var schema13 = {"$id":"urn:puffle:schema:Thread","required":["id","status"],"type":"object","allOf":[{"$ref":"urn:puffle:schema:ConversationRow"},{"$ref":"urn:puffle:schema:ThreadDraft"}]};
var schema14 = {"$id":"urn:puffle:schema:ThreadDraft","type":"object","properties":{"draft_attachments":{"type":["array","null"],"items":{"$ref":"urn:puffle:schema:DraftAttachment"}},"draft_bcc":{"type":["string","null"]},"draft_body_html":{"type":["string","null"]},"draft_body_text":{"type":["string","null"]},"draft_cc":{"type":["string","null"]},"draft_subject":{"type":["string","null"]}}};

function validate11(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:ThreadDraft" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.draft_attachments !== undefined){
var data0 = data.draft_attachments;
if((!(Array.isArray(data0))) && (data0 !== null)){
var err0 = {instancePath:instancePath+"/draft_attachments",schemaPath:"#/properties/draft_attachments/type",keyword:"type",params:{type: schema14.properties.draft_attachments.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
if(Array.isArray(data0)){
var len0 = data0.length;
for(var i0=0; i0<len0; i0++){
var data1 = data0[i0];
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
}
else {
var err1 = {instancePath:instancePath+"/draft_attachments/" + i0,schemaPath:"urn:puffle:schema:DraftAttachment/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
}
}
}
}
if(data.draft_bcc !== undefined){
var data2 = data.draft_bcc;
if((typeof data2 !== "string") && (data2 !== null)){
var err2 = {instancePath:instancePath+"/draft_bcc",schemaPath:"#/properties/draft_bcc/type",keyword:"type",params:{type: schema14.properties.draft_bcc.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err2];
}
else {
if(vErrors.length < 1000) vErrors.push(err2);
}
errors++;
}
}
if(data.draft_body_html !== undefined){
var data3 = data.draft_body_html;
if((typeof data3 !== "string") && (data3 !== null)){
var err3 = {instancePath:instancePath+"/draft_body_html",schemaPath:"#/properties/draft_body_html/type",keyword:"type",params:{type: schema14.properties.draft_body_html.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err3];
}
else {
if(vErrors.length < 1000) vErrors.push(err3);
}
errors++;
}
}
if(data.draft_body_text !== undefined){
var data4 = data.draft_body_text;
if((typeof data4 !== "string") && (data4 !== null)){
var err4 = {instancePath:instancePath+"/draft_body_text",schemaPath:"#/properties/draft_body_text/type",keyword:"type",params:{type: schema14.properties.draft_body_text.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err4];
}
else {
if(vErrors.length < 1000) vErrors.push(err4);
}
errors++;
}
}
if(data.draft_cc !== undefined){
var data5 = data.draft_cc;
if((typeof data5 !== "string") && (data5 !== null)){
var err5 = {instancePath:instancePath+"/draft_cc",schemaPath:"#/properties/draft_cc/type",keyword:"type",params:{type: schema14.properties.draft_cc.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err5];
}
else {
if(vErrors.length < 1000) vErrors.push(err5);
}
errors++;
}
}
if(data.draft_subject !== undefined){
var data6 = data.draft_subject;
if((typeof data6 !== "string") && (data6 !== null)){
var err6 = {instancePath:instancePath+"/draft_subject",schemaPath:"#/properties/draft_subject/type",keyword:"type",params:{type: schema14.properties.draft_subject.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err6];
}
else {
if(vErrors.length < 1000) vErrors.push(err6);
}
errors++;
}
}
}
else {
var err7 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
if(vErrors.length < 1000) vErrors.push(err7);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}


function validate9(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:Thread" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(!(validate2(data, {instancePath:instancePath,parentData:parentData,parentDataProperty:parentDataProperty,rootData:rootData}))){
vErrors = joined(vErrors, validate2.errors);
errors = vErrors.length;
}
if(!(validate11(data, {instancePath:instancePath,parentData:parentData,parentDataProperty:parentDataProperty,rootData:rootData}))){
vErrors = joined(vErrors, validate11.errors);
errors = vErrors.length;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
var err0 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
if(data.status === undefined){
var err1 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
}
}
else {
var err2 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err2];
}
else {
if(vErrors.length < 1000) vErrors.push(err2);
}
errors++;
}
validate9.errors = vErrors;
return errors === 0;
}


function validate6(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:DuplicateThreadProblem" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(!(data && typeof data == "object" && !Array.isArray(data))){
var err0 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
if(!(validate7(data, {instancePath:instancePath,parentData:parentData,parentDataProperty:parentDataProperty,rootData:rootData}))){
vErrors = joined(vErrors, validate7.errors);
errors = vErrors.length;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.existing_thread === undefined){
var err1 = {instancePath:instancePath,schemaPath:"#/allOf/1/required",keyword:"required",params:{missingProperty: "existing_thread"},message:"must have required property '"+"existing_thread"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
}
if(data.existing_thread !== undefined){
if(!(validate9(data.existing_thread, {instancePath:instancePath+"/existing_thread",parentData:data,parentDataProperty:"existing_thread",rootData:rootData}))){
vErrors = joined(vErrors, validate9.errors);
errors = vErrors.length;
}
}
}
else {
var err2 = {instancePath:instancePath,schemaPath:"#/allOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err2];
}
else {
if(vErrors.length < 1000) vErrors.push(err2);
}
errors++;
}
validate6.errors = vErrors;
return errors === 0;
}

export const validateProblem = validate7;

export const validateStatusUpdate = validate14;
var schema16 = {"$id":"urn:puffle:schema:StatusUpdate","type":"string","enum":["active","archived"]};

function validate14(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:StatusUpdate" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(typeof data !== "string"){
var err0 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
if(!((data === "active") || (data === "archived"))){
var err1 = {instancePath:instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema16.enum.slice()},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
}
validate14.errors = vErrors;
return errors === 0;
}

export const validateThread = validate9;

export const validateThreadDraft = validate11;

export const validateUnreadCount = validate15;

function validate15(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:UnreadCount" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(!(((typeof data == "number") && (!(data % 1) && !isNaN(data))) && (isFinite(data)))){
var err0 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
if((typeof data == "number") && (isFinite(data))){
if(data > 9007199254740991 || isNaN(data)){
var err1 = {instancePath:instancePath,schemaPath:"#/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
}
if(data < 0 || isNaN(data)){
var err2 = {instancePath:instancePath,schemaPath:"#/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err2];
}
else {
if(vErrors.length < 1000) vErrors.push(err2);
}
errors++;
}
}
validate15.errors = vErrors;
return errors === 0;
}

export const validateUpdateConversationRequest = validate16;
var schema18 = {"$id":"urn:puffle:schema:UpdateConversationRequest","type":"object","minProperties":1,"properties":{"status":{"$ref":"urn:puffle:schema:StatusUpdate"},"unread_count":{"$ref":"urn:puffle:schema:UnreadCount"}},"additionalProperties":false};

function validate16(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:UpdateConversationRequest" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(Object.keys(data).length < 1){
var err0 = {instancePath:instancePath,schemaPath:"#/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
for(var key0 in data){
if(!((key0 === "status") || (key0 === "unread_count"))){
var err1 = {instancePath:instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
}
}
if(data.status !== undefined){
var data0 = data.status;
if(typeof data0 !== "string"){
var err2 = {instancePath:instancePath+"/status",schemaPath:"urn:puffle:schema:StatusUpdate/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
if(vErrors.length < 1000) vErrors.push(err2);
}
errors++;
}
if(!((data0 === "active") || (data0 === "archived"))){
var err3 = {instancePath:instancePath+"/status",schemaPath:"urn:puffle:schema:StatusUpdate/enum",keyword:"enum",params:{allowedValues: schema16.enum.slice()},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err3];
}
else {
if(vErrors.length < 1000) vErrors.push(err3);
}
errors++;
}
}
if(data.unread_count !== undefined){
var data1 = data.unread_count;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
var err4 = {instancePath:instancePath+"/unread_count",schemaPath:"urn:puffle:schema:UnreadCount/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err4];
}
else {
if(vErrors.length < 1000) vErrors.push(err4);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 9007199254740991 || isNaN(data1)){
var err5 = {instancePath:instancePath+"/unread_count",schemaPath:"urn:puffle:schema:UnreadCount/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"};
if(vErrors === null){
vErrors = [err5];
}
else {
if(vErrors.length < 1000) vErrors.push(err5);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
var err6 = {instancePath:instancePath+"/unread_count",schemaPath:"urn:puffle:schema:UnreadCount/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err6];
}
else {
if(vErrors.length < 1000) vErrors.push(err6);
}
errors++;
}
}
}
}
else {
var err7 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
if(vErrors.length < 1000) vErrors.push(err7);
}
errors++;
}
validate16.errors = vErrors;
return errors === 0;
}

export const validateUpdateConversationResponse = validate17;
var schema21 = {"$id":"urn:puffle:schema:UpdateConversationResponse","required":["conversation"],"type":"object","properties":{"conversation":{"$ref":"urn:puffle:schema:Conversation"}}};

function validate17(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:UpdateConversationResponse" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.conversation === undefined){
var err0 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "conversation"},message:"must have required property '"+"conversation"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
if(data.conversation !== undefined){
if(!(validate1(data.conversation, {instancePath:instancePath+"/conversation",parentData:data,parentDataProperty:"conversation",rootData:rootData}))){
vErrors = joined(vErrors, validate1.errors);
errors = vErrors.length;
}
}
}
else {
var err1 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
}
validate17.errors = vErrors;
return errors === 0;
}

export const validateUpdateThreadRequest = validate19;
var schema22 = {"$id":"urn:puffle:schema:UpdateThreadRequest","type":"object","minProperties":1,"properties":{"account_id":{"type":["string","null"],"format":"uuid","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},"draft_attachments":{"type":["array","null"],"maxItems":20,"items":{"$ref":"urn:puffle:schema:DraftAttachment"}},"draft_bcc":{"type":["string","null"],"maxLength":4096},"draft_body_html":{"type":["string","null"]},"draft_body_text":{"type":["string","null"]},"draft_cc":{"type":["string","null"],"maxLength":4096},"draft_subject":{"type":["string","null"],"maxLength":998},"participant_email":{"type":"string","format":"email","maxLength":254},"participant_name":{"type":"string","maxLength":256},"status":{"$ref":"urn:puffle:schema:StatusUpdate"},"unread_count":{"$ref":"urn:puffle:schema:UnreadCount"}},"additionalProperties":false};
var func0 = Object.prototype.hasOwnProperty;
var func1 = ucs2length;

function validate19(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:UpdateThreadRequest" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(Object.keys(data).length < 1){
var err0 = {instancePath:instancePath,schemaPath:"#/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
for(var key0 in data){
if(!(func0.call(schema22.properties, key0))){
var err1 = {instancePath:instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
}
}
if(data.account_id !== undefined){
var data0 = data.account_id;
if((typeof data0 !== "string") && (data0 !== null)){
var err2 = {instancePath:instancePath+"/account_id",schemaPath:"#/properties/account_id/type",keyword:"type",params:{type: schema22.properties.account_id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err2];
}
else {
if(vErrors.length < 1000) vErrors.push(err2);
}
errors++;
}
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
var err3 = {instancePath:instancePath+"/account_id",schemaPath:"#/properties/account_id/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""};
if(vErrors === null){
vErrors = [err3];
}
else {
if(vErrors.length < 1000) vErrors.push(err3);
}
errors++;
if(!(formats0.test(data0))){
var err4 = {instancePath:instancePath+"/account_id",schemaPath:"#/properties/account_id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
if(vErrors.length < 1000) vErrors.push(err4);
}
errors++;
}
}
}
}
if(data.draft_attachments !== undefined){
var data1 = data.draft_attachments;
if((!(Array.isArray(data1))) && (data1 !== null)){
var err5 = {instancePath:instancePath+"/draft_attachments",schemaPath:"#/properties/draft_attachments/type",keyword:"type",params:{type: schema22.properties.draft_attachments.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err5];
}
else {
if(vErrors.length < 1000) vErrors.push(err5);
}
errors++;
}
if(Array.isArray(data1)){
if(data1.length > 20){
var err6 = {instancePath:instancePath+"/draft_attachments",schemaPath:"#/properties/draft_attachments/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items"};
if(vErrors === null){
vErrors = [err6];
}
else {
if(vErrors.length < 1000) vErrors.push(err6);
}
errors++;
}
var len0 = data1.length;
for(var i0=0; i0<len0; i0++){
var data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
}
else {
var err7 = {instancePath:instancePath+"/draft_attachments/" + i0,schemaPath:"urn:puffle:schema:DraftAttachment/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
if(vErrors.length < 1000) vErrors.push(err7);
}
errors++;
}
}
}
}
if(data.draft_bcc !== undefined){
var data3 = data.draft_bcc;
if((typeof data3 !== "string") && (data3 !== null)){
var err8 = {instancePath:instancePath+"/draft_bcc",schemaPath:"#/properties/draft_bcc/type",keyword:"type",params:{type: schema22.properties.draft_bcc.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err8];
}
else {
if(vErrors.length < 1000) vErrors.push(err8);
}
errors++;
}
if(typeof data3 === "string"){
if(func1(data3) > 4096){
var err9 = {instancePath:instancePath+"/draft_bcc",schemaPath:"#/properties/draft_bcc/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err9];
}
else {
if(vErrors.length < 1000) vErrors.push(err9);
}
errors++;
}
}
}
if(data.draft_body_html !== undefined){
var data4 = data.draft_body_html;
if((typeof data4 !== "string") && (data4 !== null)){
var err10 = {instancePath:instancePath+"/draft_body_html",schemaPath:"#/properties/draft_body_html/type",keyword:"type",params:{type: schema22.properties.draft_body_html.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err10];
}
else {
if(vErrors.length < 1000) vErrors.push(err10);
}
errors++;
}
}
if(data.draft_body_text !== undefined){
var data5 = data.draft_body_text;
if((typeof data5 !== "string") && (data5 !== null)){
var err11 = {instancePath:instancePath+"/draft_body_text",schemaPath:"#/properties/draft_body_text/type",keyword:"type",params:{type: schema22.properties.draft_body_text.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err11];
}
else {
if(vErrors.length < 1000) vErrors.push(err11);
}
errors++;
}
}
if(data.draft_cc !== undefined){
var data6 = data.draft_cc;
if((typeof data6 !== "string") && (data6 !== null)){
var err12 = {instancePath:instancePath+"/draft_cc",schemaPath:"#/properties/draft_cc/type",keyword:"type",params:{type: schema22.properties.draft_cc.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err12];
}
else {
if(vErrors.length < 1000) vErrors.push(err12);
}
errors++;
}
if(typeof data6 === "string"){
if(func1(data6) > 4096){
var err13 = {instancePath:instancePath+"/draft_cc",schemaPath:"#/properties/draft_cc/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
if(vErrors.length < 1000) vErrors.push(err13);
}
errors++;
}
}
}
if(data.draft_subject !== undefined){
var data7 = data.draft_subject;
if((typeof data7 !== "string") && (data7 !== null)){
var err14 = {instancePath:instancePath+"/draft_subject",schemaPath:"#/properties/draft_subject/type",keyword:"type",params:{type: schema22.properties.draft_subject.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err14];
}
else {
if(vErrors.length < 1000) vErrors.push(err14);
}
errors++;
}
if(typeof data7 === "string"){
if(func1(data7) > 998){
var err15 = {instancePath:instancePath+"/draft_subject",schemaPath:"#/properties/draft_subject/maxLength",keyword:"maxLength",params:{limit: 998},message:"must NOT have more than 998 characters"};
if(vErrors === null){
vErrors = [err15];
}
else {
if(vErrors.length < 1000) vErrors.push(err15);
}
errors++;
}
}
}
if(data.participant_email !== undefined){
var data8 = data.participant_email;
if(typeof data8 === "string"){
if(func1(data8) > 254){
var err16 = {instancePath:instancePath+"/participant_email",schemaPath:"#/properties/participant_email/maxLength",keyword:"maxLength",params:{limit: 254},message:"must NOT have more than 254 characters"};
if(vErrors === null){
vErrors = [err16];
}
else {
if(vErrors.length < 1000) vErrors.push(err16);
}
errors++;
}
if(!(formats8.test(data8))){
var err17 = {instancePath:instancePath+"/participant_email",schemaPath:"#/properties/participant_email/format",keyword:"format",params:{format: "email"},message:"must match format \""+"email"+"\""};
if(vErrors === null){
vErrors = [err17];
}
else {
if(vErrors.length < 1000) vErrors.push(err17);
}
errors++;
}
}
else {
var err18 = {instancePath:instancePath+"/participant_email",schemaPath:"#/properties/participant_email/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
if(vErrors.length < 1000) vErrors.push(err18);
}
errors++;
}
}
if(data.participant_name !== undefined){
var data9 = data.participant_name;
if(typeof data9 === "string"){
if(func1(data9) > 256){
var err19 = {instancePath:instancePath+"/participant_name",schemaPath:"#/properties/participant_name/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"};
if(vErrors === null){
vErrors = [err19];
}
else {
if(vErrors.length < 1000) vErrors.push(err19);
}
errors++;
}
}
else {
var err20 = {instancePath:instancePath+"/participant_name",schemaPath:"#/properties/participant_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
if(vErrors.length < 1000) vErrors.push(err20);
}
errors++;
}
}
if(data.status !== undefined){
var data10 = data.status;
if(typeof data10 !== "string"){
var err21 = {instancePath:instancePath+"/status",schemaPath:"urn:puffle:schema:StatusUpdate/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
if(vErrors.length < 1000) vErrors.push(err21);
}
errors++;
}
if(!((data10 === "active") || (data10 === "archived"))){
var err22 = {instancePath:instancePath+"/status",schemaPath:"urn:puffle:schema:StatusUpdate/enum",keyword:"enum",params:{allowedValues: schema16.enum.slice()},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err22];
}
else {
if(vErrors.length < 1000) vErrors.push(err22);
}
errors++;
}
}
if(data.unread_count !== undefined){
var data11 = data.unread_count;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
var err23 = {instancePath:instancePath+"/unread_count",schemaPath:"urn:puffle:schema:UnreadCount/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err23];
}
else {
if(vErrors.length < 1000) vErrors.push(err23);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 9007199254740991 || isNaN(data11)){
var err24 = {instancePath:instancePath+"/unread_count",schemaPath:"urn:puffle:schema:UnreadCount/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"};
if(vErrors === null){
vErrors = [err24];
}
else {
if(vErrors.length < 1000) vErrors.push(err24);
}
errors++;
}
if(data11 < 0 || isNaN(data11)){
var err25 = {instancePath:instancePath+"/unread_count",schemaPath:"urn:puffle:schema:UnreadCount/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err25];
}
else {
if(vErrors.length < 1000) vErrors.push(err25);
}
errors++;
}
}
}
}
else {
var err26 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
if(vErrors.length < 1000) vErrors.push(err26);
}
errors++;
}
validate19.errors = vErrors;
return errors === 0;
}

export const validateUpdateThreadResponse = validate20;
var schema26 = {"$id":"urn:puffle:schema:UpdateThreadResponse","required":["thread"],"type":"object","properties":{"thread":{"$ref":"urn:puffle:schema:Thread"}}};

function validate20(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:UpdateThreadResponse" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.thread === undefined){
var err0 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "thread"},message:"must have required property '"+"thread"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
if(data.thread !== undefined){
if(!(validate9(data.thread, {instancePath:instancePath+"/thread",parentData:data,parentDataProperty:"thread",rootData:rootData}))){
vErrors = joined(vErrors, validate9.errors);
errors = vErrors.length;
}
}
}
else {
var err1 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}

export const validateUuid = validate22;

function validate22(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:Uuid" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(typeof data === "string"){
if(!pattern0.test(data)){
var err0 = {instancePath:instancePath,schemaPath:"#/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
if(!(formats0.test(data))){
var err1 = {instancePath:instancePath,schemaPath:"#/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
}
}
}
else {
var err2 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
if(vErrors.length < 1000) vErrors.push(err2);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}

export const validateValidationError = validate23;

function validate23(data, valCxt){
"use strict"; /*# sourceURL="urn:puffle:schema:ValidationError" */;
if(valCxt){
var instancePath = valCxt.instancePath;
var parentData = valCxt.parentData;
var parentDataProperty = valCxt.parentDataProperty;
var rootData = valCxt.rootData;
}
else {
var instancePath = "";
var parentData = undefined;
var parentDataProperty = undefined;
var rootData = data;
}
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.path === undefined){
var err0 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
if(vErrors.length < 1000) vErrors.push(err0);
}
errors++;
}
if(data.keyword === undefined){
var err1 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "keyword"},message:"must have required property '"+"keyword"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
if(vErrors.length < 1000) vErrors.push(err1);
}
errors++;
}
if(data.message === undefined){
var err2 = {instancePath:instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
if(vErrors.length < 1000) vErrors.push(err2);
}
errors++;
}
if(data.keyword !== undefined){
if(typeof data.keyword !== "string"){
var err3 = {instancePath:instancePath+"/keyword",schemaPath:"#/properties/keyword/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
if(vErrors.length < 1000) vErrors.push(err3);
}
errors++;
}
}
if(data.message !== undefined){
if(typeof data.message !== "string"){
var err4 = {instancePath:instancePath+"/message",schemaPath:"#/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
if(vErrors.length < 1000) vErrors.push(err4);
}
errors++;
}
}
if(data.path !== undefined){
if(typeof data.path !== "string"){
var err5 = {instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
if(vErrors.length < 1000) vErrors.push(err5);
}
errors++;
}
}
}
else {
var err6 = {instancePath:instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
if(vErrors.length < 1000) vErrors.push(err6);
}
errors++;
}
validate23.errors = vErrors;
return errors === 0;
}

// The operations' validators: IssueFunctions (`errors` holds { path, keyword, message } issues), and the functions returning those issues (null when valid).
function report(list, issue){
if(list === null) return [issue];
if(list.length < 1000) list.push(issue);
return list;
}
function insert(list, at, issue){
if(list === null) return [issue];
list.splice(at, 0, issue);
return list;
}
function escapePointer(segment){
return segment.includes("~") || segment.includes("/") ? segment.replace(/~/g, "~0").replace(/\//g, "~1") : segment;
}
function prefixed(list, issues, prefix){
var n = 1000 - (list === null ? 0 : list.length);
if(n > issues.length) n = issues.length;
for(var i = 0; i < n; i++) issues[i].path = prefix + issues[i].path;
if(list === null) return n === issues.length ? issues : issues.slice(0, n);
return n <= 0 ? list : list.concat(n === issues.length ? issues : issues.slice(0, n));
}
function updateConversation$params(data){
var issues = validate24$op(data);
updateConversation$params.errors = issues;
return issues === null;
}
var formats0$op = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
var pattern8$op = /* @__PURE__ */ new RegExp("^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$", "u");

function validate24$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
vErrors = report(vErrors, {path:"/id",keyword:"required",message:"is required"});
errors++;
}
for(var key0 in data){
if(!(key0 === "id")){
vErrors = report(vErrors, {path:"/"+escapePointer(key0),keyword:"additionalProperties",message:"is not a known field"});
errors++;
}
}
if(data.id !== undefined){
var data0 = data.id;
if(typeof data0 === "string"){
if(!pattern8$op.test(data0)){
vErrors = report(vErrors, {path:"/id",keyword:"pattern",message:"must be a UUID as 8-4-4-4-12 hex digits, its 13th digit (the version) 1 to 8 and its 17th (the variant) 8, 9, a or b, or the nil UUID (all 0) or the max UUID in lower case (all f)"});
errors++;
if(!(formats0$op.test(data0))){
vErrors = report(vErrors, {path:"/id",keyword:"format",message:"must match format \"uuid\""});
errors++;
}
}
}
else {
vErrors = report(vErrors, {path:"/id",keyword:"type",message:"must be string"});
errors++;
}
}
}
else {
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be object"});
errors++;
}
return errors === 0 ? null : vErrors;
}

function updateConversation$request(data){
var issues = validate16$op(data);
updateConversation$request.errors = issues;
return issues === null;
}

function validate16$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
var count0 = 0;
var at0 = errors;
for(var key0 in data){
if(count0 < 1 && Object.prototype.hasOwnProperty.call(data, key0)) count0++;
if(!((key0 === "status") || (key0 === "unread_count"))){
vErrors = report(vErrors, {path:"/"+escapePointer(key0),keyword:"additionalProperties",message:"is not a known field"});
errors++;
}
}
if(count0 < 1){
vErrors = insert(vErrors, at0, {path:"",keyword:"minProperties",message:"must NOT have fewer than 1 properties"});
errors++;
}
if(data.status !== undefined){
var data0 = data.status;
if(typeof data0 !== "string"){
vErrors = report(vErrors, {path:"/status",keyword:"type",message:"must be string"});
errors++;
}
if(!((data0 === "active") || (data0 === "archived"))){
vErrors = report(vErrors, {path:"/status",keyword:"enum",message:"must be one of \"active\", \"archived\""});
errors++;
}
}
if(data.unread_count !== undefined){
var data1 = data.unread_count;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
vErrors = report(vErrors, {path:"/unread_count",keyword:"type",message:"must be integer"});
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 9007199254740991 || isNaN(data1)){
vErrors = report(vErrors, {path:"/unread_count",keyword:"maximum",message:"must be <= 9007199254740991"});
errors++;
}
if(data1 < 0 || isNaN(data1)){
vErrors = report(vErrors, {path:"/unread_count",keyword:"minimum",message:"must be >= 0"});
errors++;
}
}
}
}
else {
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be object"});
errors++;
}
return errors === 0 ? null : vErrors;
}

function updateConversation$field$status(data){
var issues = validate25$op(data);
updateConversation$field$status.errors = issues;
return issues === null;
}

function validate25$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if(typeof data !== "string"){
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be string"});
errors++;
}
if(!((data === "active") || (data === "archived"))){
vErrors = report(vErrors, {path:"",keyword:"enum",message:"must be one of \"active\", \"archived\""});
errors++;
}
return errors === 0 ? null : vErrors;
}

function updateConversation$field$unread_count(data){
var issues = validate26$op(data);
updateConversation$field$unread_count.errors = issues;
return issues === null;
}

function validate26$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if(!(((typeof data == "number") && (!(data % 1) && !isNaN(data))) && (isFinite(data)))){
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be integer"});
errors++;
}
if((typeof data == "number") && (isFinite(data))){
if(data > 9007199254740991 || isNaN(data)){
vErrors = report(vErrors, {path:"",keyword:"maximum",message:"must be <= 9007199254740991"});
errors++;
}
if(data < 0 || isNaN(data)){
vErrors = report(vErrors, {path:"",keyword:"minimum",message:"must be >= 0"});
errors++;
}
}
return errors === 0 ? null : vErrors;
}

function updateConversation$response$200(data){
var issues = validate17$op(data);
updateConversation$response$200.errors = issues;
return issues === null;
}
var formats2$op = dateTime;
var formats8$op = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
var formats10$op = uri;
var pattern0$op = /* @__PURE__ */ new RegExp("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", "u");
var pattern1$op = /* @__PURE__ */ new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$", "u");

function validate2$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.account_id !== undefined){
var data0 = data.account_id;
if((typeof data0 !== "string") && (data0 !== null)){
vErrors = report(vErrors, {path:"/account_id",keyword:"type",message:"must be string or null"});
errors++;
}
if(typeof data0 === "string"){
if(!pattern0$op.test(data0)){
vErrors = report(vErrors, {path:"/account_id",keyword:"pattern",message:"must be a UUID as 8-4-4-4-12 hex digits (no urn:uuid: prefix)"});
errors++;
if(!(formats0$op.test(data0))){
vErrors = report(vErrors, {path:"/account_id",keyword:"format",message:"must match format \"uuid\""});
errors++;
}
}
}
}
if(data.channel !== undefined){
var data1 = data.channel;
if(typeof data1 !== "string"){
vErrors = report(vErrors, {path:"/channel",keyword:"type",message:"must be string"});
errors++;
}
if(!((data1 === "linkedin") || (data1 === "email"))){
vErrors = report(vErrors, {path:"/channel",keyword:"enum",message:"must be one of \"linkedin\", \"email\""});
errors++;
}
}
if(data.created_at !== undefined){
var data2 = data.created_at;
if(typeof data2 === "string"){
if(!pattern1$op.test(data2)){
vErrors = report(vErrors, {path:"/created_at",keyword:"pattern",message:"must be an RFC 3339 date-time: YYYY-MM-DDThh:mm:ss, an optional fraction, then Z or an offset with its colon (+05:30)"});
errors++;
}
if(!(formats2$op(data2))){
vErrors = report(vErrors, {path:"/created_at",keyword:"format",message:"must match format \"date-time\""});
errors++;
}
}
else {
vErrors = report(vErrors, {path:"/created_at",keyword:"type",message:"must be string"});
errors++;
}
}
if(data.external_id !== undefined){
var data3 = data.external_id;
if((typeof data3 !== "string") && (data3 !== null)){
vErrors = report(vErrors, {path:"/external_id",keyword:"type",message:"must be string or null"});
errors++;
}
}
if(data.id !== undefined){
var data4 = data.id;
if(typeof data4 === "string"){
if(!pattern0$op.test(data4)){
vErrors = report(vErrors, {path:"/id",keyword:"pattern",message:"must be a UUID as 8-4-4-4-12 hex digits (no urn:uuid: prefix)"});
errors++;
if(!(formats0$op.test(data4))){
vErrors = report(vErrors, {path:"/id",keyword:"format",message:"must match format \"uuid\""});
errors++;
}
}
}
else {
vErrors = report(vErrors, {path:"/id",keyword:"type",message:"must be string"});
errors++;
}
}
if(data.last_message_at !== undefined){
var data5 = data.last_message_at;
if((typeof data5 !== "string") && (data5 !== null)){
vErrors = report(vErrors, {path:"/last_message_at",keyword:"type",message:"must be string or null"});
errors++;
}
if(typeof data5 === "string"){
if(!pattern1$op.test(data5)){
vErrors = report(vErrors, {path:"/last_message_at",keyword:"pattern",message:"must be an RFC 3339 date-time: YYYY-MM-DDThh:mm:ss, an optional fraction, then Z or an offset with its colon (+05:30)"});
errors++;
}
if(!(formats2$op(data5))){
vErrors = report(vErrors, {path:"/last_message_at",keyword:"format",message:"must match format \"date-time\""});
errors++;
}
}
}
if(data.participant_email !== undefined){
var data6 = data.participant_email;
if((typeof data6 !== "string") && (data6 !== null)){
vErrors = report(vErrors, {path:"/participant_email",keyword:"type",message:"must be string or null"});
errors++;
}
if(typeof data6 === "string"){
if(!(formats8$op.test(data6))){
vErrors = report(vErrors, {path:"/participant_email",keyword:"format",message:"must match format \"email\""});
errors++;
}
}
}
if(data.participant_linkedin_url !== undefined){
var data7 = data.participant_linkedin_url;
if((typeof data7 !== "string") && (data7 !== null)){
vErrors = report(vErrors, {path:"/participant_linkedin_url",keyword:"type",message:"must be string or null"});
errors++;
}
if(typeof data7 === "string"){
if(!(formats10$op(data7))){
vErrors = report(vErrors, {path:"/participant_linkedin_url",keyword:"format",message:"must match format \"uri\""});
errors++;
}
}
}
if(data.participant_name !== undefined){
var data8 = data.participant_name;
if((typeof data8 !== "string") && (data8 !== null)){
vErrors = report(vErrors, {path:"/participant_name",keyword:"type",message:"must be string or null"});
errors++;
}
}
if(data.status !== undefined){
var data9 = data.status;
if(typeof data9 !== "string"){
vErrors = report(vErrors, {path:"/status",keyword:"type",message:"must be string"});
errors++;
}
if(!(((data9 === "active") || (data9 === "archived")) || (data9 === "draft"))){
vErrors = report(vErrors, {path:"/status",keyword:"enum",message:"must be one of \"active\", \"archived\", \"draft\""});
errors++;
}
}
if(data.unread_count !== undefined){
var data10 = data.unread_count;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
vErrors = report(vErrors, {path:"/unread_count",keyword:"type",message:"must be integer"});
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 9007199254740991 || isNaN(data10)){
vErrors = report(vErrors, {path:"/unread_count",keyword:"maximum",message:"must be <= 9007199254740991"});
errors++;
}
if(data10 < 0 || isNaN(data10)){
vErrors = report(vErrors, {path:"/unread_count",keyword:"minimum",message:"must be >= 0"});
errors++;
}
}
}
if(data.updated_at !== undefined){
var data11 = data.updated_at;
if(typeof data11 === "string"){
if(!pattern1$op.test(data11)){
vErrors = report(vErrors, {path:"/updated_at",keyword:"pattern",message:"must be an RFC 3339 date-time: YYYY-MM-DDThh:mm:ss, an optional fraction, then Z or an offset with its colon (+05:30)"});
errors++;
}
if(!(formats2$op(data11))){
vErrors = report(vErrors, {path:"/updated_at",keyword:"format",message:"must match format \"date-time\""});
errors++;
}
}
else {
vErrors = report(vErrors, {path:"/updated_at",keyword:"type",message:"must be string"});
errors++;
}
}
if(data.user_id !== undefined){
var data12 = data.user_id;
if(typeof data12 === "string"){
if(!pattern0$op.test(data12)){
vErrors = report(vErrors, {path:"/user_id",keyword:"pattern",message:"must be a UUID as 8-4-4-4-12 hex digits (no urn:uuid: prefix)"});
errors++;
if(!(formats0$op.test(data12))){
vErrors = report(vErrors, {path:"/user_id",keyword:"format",message:"must match format \"uuid\""});
errors++;
}
}
}
else {
vErrors = report(vErrors, {path:"/user_id",keyword:"type",message:"must be string"});
errors++;
}
}
}
else {
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be object"});
errors++;
}
return errors === 0 ? null : vErrors;
}


function validate1$op(data){
"use strict";
var vErrors = null;
var errors = 0;
var issues0 = validate2$op(data);
if(issues0 !== null){
vErrors = joined(vErrors, issues0);
errors = vErrors.length;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
vErrors = report(vErrors, {path:"/id",keyword:"required",message:"is required"});
errors++;
}
if(data.user_id === undefined){
vErrors = report(vErrors, {path:"/user_id",keyword:"required",message:"is required"});
errors++;
}
if(data.account_id === undefined){
vErrors = report(vErrors, {path:"/account_id",keyword:"required",message:"is required"});
errors++;
}
if(data.channel === undefined){
vErrors = report(vErrors, {path:"/channel",keyword:"required",message:"is required"});
errors++;
}
if(data.status === undefined){
vErrors = report(vErrors, {path:"/status",keyword:"required",message:"is required"});
errors++;
}
if(data.external_id === undefined){
vErrors = report(vErrors, {path:"/external_id",keyword:"required",message:"is required"});
errors++;
}
if(data.participant_name === undefined){
vErrors = report(vErrors, {path:"/participant_name",keyword:"required",message:"is required"});
errors++;
}
if(data.participant_email === undefined){
vErrors = report(vErrors, {path:"/participant_email",keyword:"required",message:"is required"});
errors++;
}
if(data.participant_linkedin_url === undefined){
vErrors = report(vErrors, {path:"/participant_linkedin_url",keyword:"required",message:"is required"});
errors++;
}
if(data.last_message_at === undefined){
vErrors = report(vErrors, {path:"/last_message_at",keyword:"required",message:"is required"});
errors++;
}
if(data.unread_count === undefined){
vErrors = report(vErrors, {path:"/unread_count",keyword:"required",message:"is required"});
errors++;
}
if(data.created_at === undefined){
vErrors = report(vErrors, {path:"/created_at",keyword:"required",message:"is required"});
errors++;
}
if(data.updated_at === undefined){
vErrors = report(vErrors, {path:"/updated_at",keyword:"required",message:"is required"});
errors++;
}
}
else {
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be object"});
errors++;
}
return errors === 0 ? null : vErrors;
}


function validate17$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.conversation === undefined){
vErrors = report(vErrors, {path:"/conversation",keyword:"required",message:"is required"});
errors++;
}
if(data.conversation !== undefined){
var issues1 = validate1$op(data.conversation);
if(issues1 !== null){
vErrors = prefixed(vErrors, issues1, "/conversation");
errors = vErrors.length;
}
}
}
else {
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be object"});
errors++;
}
return errors === 0 ? null : vErrors;
}

function updateConversation$response$400(data){
var issues = validate7$op(data);
updateConversation$response$400.errors = issues;
return issues === null;
}
var formats16$op = /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

function validate7$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
vErrors = report(vErrors, {path:"/type",keyword:"required",message:"is required"});
errors++;
}
if(data.title === undefined){
vErrors = report(vErrors, {path:"/title",keyword:"required",message:"is required"});
errors++;
}
if(data.status === undefined){
vErrors = report(vErrors, {path:"/status",keyword:"required",message:"is required"});
errors++;
}
if(data.detail !== undefined){
if(typeof data.detail !== "string"){
vErrors = report(vErrors, {path:"/detail",keyword:"type",message:"must be string"});
errors++;
}
}
if(data.errors !== undefined){
var data1 = data.errors;
if(Array.isArray(data1)){
if(data1.length > 100){
vErrors = report(vErrors, {path:"/errors",keyword:"maxItems",message:"must NOT have more than 100 items"});
errors++;
}
var len0 = data1.length;
for(var i0=0; i0<len0; i0++){
var data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.path === undefined){
vErrors = report(vErrors, {path:"/errors/" + i0+"/path",keyword:"required",message:"is required"});
errors++;
}
if(data2.keyword === undefined){
vErrors = report(vErrors, {path:"/errors/" + i0+"/keyword",keyword:"required",message:"is required"});
errors++;
}
if(data2.message === undefined){
vErrors = report(vErrors, {path:"/errors/" + i0+"/message",keyword:"required",message:"is required"});
errors++;
}
if(data2.keyword !== undefined){
if(typeof data2.keyword !== "string"){
vErrors = report(vErrors, {path:"/errors/" + i0+"/keyword",keyword:"type",message:"must be string"});
errors++;
}
}
if(data2.message !== undefined){
if(typeof data2.message !== "string"){
vErrors = report(vErrors, {path:"/errors/" + i0+"/message",keyword:"type",message:"must be string"});
errors++;
}
}
if(data2.path !== undefined){
if(typeof data2.path !== "string"){
vErrors = report(vErrors, {path:"/errors/" + i0+"/path",keyword:"type",message:"must be string"});
errors++;
}
}
}
else {
vErrors = report(vErrors, {path:"/errors/" + i0,keyword:"type",message:"must be object"});
errors++;
}
}
}
else {
vErrors = report(vErrors, {path:"/errors",keyword:"type",message:"must be array"});
errors++;
}
}
if(data.instance !== undefined){
var data6 = data.instance;
if(typeof data6 === "string"){
if(!(formats16$op.test(data6))){
vErrors = report(vErrors, {path:"/instance",keyword:"format",message:"must match format \"uri-reference\""});
errors++;
}
}
else {
vErrors = report(vErrors, {path:"/instance",keyword:"type",message:"must be string"});
errors++;
}
}
if(data.status !== undefined){
var data7 = data.status;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
vErrors = report(vErrors, {path:"/status",keyword:"type",message:"must be integer"});
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 599 || isNaN(data7)){
vErrors = report(vErrors, {path:"/status",keyword:"maximum",message:"must be <= 599"});
errors++;
}
if(data7 < 400 || isNaN(data7)){
vErrors = report(vErrors, {path:"/status",keyword:"minimum",message:"must be >= 400"});
errors++;
}
}
}
if(data.title !== undefined){
if(typeof data.title !== "string"){
vErrors = report(vErrors, {path:"/title",keyword:"type",message:"must be string"});
errors++;
}
}
if(data.type !== undefined){
var data9 = data.type;
if(typeof data9 === "string"){
if(!(formats16$op.test(data9))){
vErrors = report(vErrors, {path:"/type",keyword:"format",message:"must match format \"uri-reference\""});
errors++;
}
}
else {
vErrors = report(vErrors, {path:"/type",keyword:"type",message:"must be string"});
errors++;
}
}
}
else {
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be object"});
errors++;
}
return errors === 0 ? null : vErrors;
}

function updateThread$request(data){
var issues = validate19$op(data);
updateThread$request.errors = issues;
return issues === null;
}
var func1$op = ucs2length;

function validate19$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
var count1 = 0;
var at1 = errors;
for(var key0 in data){
if(count1 < 1 && Object.prototype.hasOwnProperty.call(data, key0)) count1++;
if(!((key0 === "account_id" || key0 === "draft_attachments" || key0 === "draft_bcc" || key0 === "draft_body_html" || key0 === "draft_body_text" || key0 === "draft_cc" || key0 === "draft_subject" || key0 === "participant_email" || key0 === "participant_name" || key0 === "status" || key0 === "unread_count"))){
vErrors = report(vErrors, {path:"/"+escapePointer(key0),keyword:"additionalProperties",message:"is not a known field"});
errors++;
}
}
if(count1 < 1){
vErrors = insert(vErrors, at1, {path:"",keyword:"minProperties",message:"must NOT have fewer than 1 properties"});
errors++;
}
if(data.account_id !== undefined){
var data0 = data.account_id;
if((typeof data0 !== "string") && (data0 !== null)){
vErrors = report(vErrors, {path:"/account_id",keyword:"type",message:"must be string or null"});
errors++;
}
if(typeof data0 === "string"){
if(!pattern0$op.test(data0)){
vErrors = report(vErrors, {path:"/account_id",keyword:"pattern",message:"must be a UUID as 8-4-4-4-12 hex digits (no urn:uuid: prefix)"});
errors++;
if(!(formats0$op.test(data0))){
vErrors = report(vErrors, {path:"/account_id",keyword:"format",message:"must match format \"uuid\""});
errors++;
}
}
}
}
if(data.draft_attachments !== undefined){
var data1 = data.draft_attachments;
if((!(Array.isArray(data1))) && (data1 !== null)){
vErrors = report(vErrors, {path:"/draft_attachments",keyword:"type",message:"must be array or null"});
errors++;
}
if(Array.isArray(data1)){
if(data1.length > 20){
vErrors = report(vErrors, {path:"/draft_attachments",keyword:"maxItems",message:"must NOT have more than 20 items"});
errors++;
}
var len0 = data1.length;
for(var i0=0; i0<len0; i0++){
var data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
}
else {
vErrors = report(vErrors, {path:"/draft_attachments/" + i0,keyword:"type",message:"must be object"});
errors++;
}
}
}
}
if(data.draft_bcc !== undefined){
var data3 = data.draft_bcc;
if((typeof data3 !== "string") && (data3 !== null)){
vErrors = report(vErrors, {path:"/draft_bcc",keyword:"type",message:"must be string or null"});
errors++;
}
if(typeof data3 === "string"){
if(data3.length > 4096 && func1$op(data3) > 4096){
vErrors = report(vErrors, {path:"/draft_bcc",keyword:"maxLength",message:"must NOT have more than 4096 characters"});
errors++;
}
}
}
if(data.draft_body_html !== undefined){
var data4 = data.draft_body_html;
if((typeof data4 !== "string") && (data4 !== null)){
vErrors = report(vErrors, {path:"/draft_body_html",keyword:"type",message:"must be string or null"});
errors++;
}
}
if(data.draft_body_text !== undefined){
var data5 = data.draft_body_text;
if((typeof data5 !== "string") && (data5 !== null)){
vErrors = report(vErrors, {path:"/draft_body_text",keyword:"type",message:"must be string or null"});
errors++;
}
}
if(data.draft_cc !== undefined){
var data6 = data.draft_cc;
if((typeof data6 !== "string") && (data6 !== null)){
vErrors = report(vErrors, {path:"/draft_cc",keyword:"type",message:"must be string or null"});
errors++;
}
if(typeof data6 === "string"){
if(data6.length > 4096 && func1$op(data6) > 4096){
vErrors = report(vErrors, {path:"/draft_cc",keyword:"maxLength",message:"must NOT have more than 4096 characters"});
errors++;
}
}
}
if(data.draft_subject !== undefined){
var data7 = data.draft_subject;
if((typeof data7 !== "string") && (data7 !== null)){
vErrors = report(vErrors, {path:"/draft_subject",keyword:"type",message:"must be string or null"});
errors++;
}
if(typeof data7 === "string"){
if(data7.length > 998 && func1$op(data7) > 998){
vErrors = report(vErrors, {path:"/draft_subject",keyword:"maxLength",message:"must NOT have more than 998 characters"});
errors++;
}
}
}
if(data.participant_email !== undefined){
var data8 = data.participant_email;
if(typeof data8 === "string"){
if(data8.length > 254 && func1$op(data8) > 254){
vErrors = report(vErrors, {path:"/participant_email",keyword:"maxLength",message:"must NOT have more than 254 characters"});
errors++;
}
if(!(formats8$op.test(data8))){
vErrors = report(vErrors, {path:"/participant_email",keyword:"format",message:"must match format \"email\""});
errors++;
}
}
else {
vErrors = report(vErrors, {path:"/participant_email",keyword:"type",message:"must be string"});
errors++;
}
}
if(data.participant_name !== undefined){
var data9 = data.participant_name;
if(typeof data9 === "string"){
if(data9.length > 256 && func1$op(data9) > 256){
vErrors = report(vErrors, {path:"/participant_name",keyword:"maxLength",message:"must NOT have more than 256 characters"});
errors++;
}
}
else {
vErrors = report(vErrors, {path:"/participant_name",keyword:"type",message:"must be string"});
errors++;
}
}
if(data.status !== undefined){
var data10 = data.status;
if(typeof data10 !== "string"){
vErrors = report(vErrors, {path:"/status",keyword:"type",message:"must be string"});
errors++;
}
if(!((data10 === "active") || (data10 === "archived"))){
vErrors = report(vErrors, {path:"/status",keyword:"enum",message:"must be one of \"active\", \"archived\""});
errors++;
}
}
if(data.unread_count !== undefined){
var data11 = data.unread_count;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
vErrors = report(vErrors, {path:"/unread_count",keyword:"type",message:"must be integer"});
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 9007199254740991 || isNaN(data11)){
vErrors = report(vErrors, {path:"/unread_count",keyword:"maximum",message:"must be <= 9007199254740991"});
errors++;
}
if(data11 < 0 || isNaN(data11)){
vErrors = report(vErrors, {path:"/unread_count",keyword:"minimum",message:"must be >= 0"});
errors++;
}
}
}
}
else {
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be object"});
errors++;
}
return errors === 0 ? null : vErrors;
}

function updateThread$field$account_id(data){
var issues = validate27$op(data);
updateThread$field$account_id.errors = issues;
return issues === null;
}

function validate27$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if((typeof data !== "string") && (data !== null)){
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be string or null"});
errors++;
}
if(typeof data === "string"){
if(!pattern0$op.test(data)){
vErrors = report(vErrors, {path:"",keyword:"pattern",message:"must be a UUID as 8-4-4-4-12 hex digits (no urn:uuid: prefix)"});
errors++;
if(!(formats0$op.test(data))){
vErrors = report(vErrors, {path:"",keyword:"format",message:"must match format \"uuid\""});
errors++;
}
}
}
return errors === 0 ? null : vErrors;
}

function updateThread$field$draft_attachments(data){
var issues = validate28$op(data);
updateThread$field$draft_attachments.errors = issues;
return issues === null;
}

function validate28$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if((!(Array.isArray(data))) && (data !== null)){
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be array or null"});
errors++;
}
if(Array.isArray(data)){
if(data.length > 20){
vErrors = report(vErrors, {path:"",keyword:"maxItems",message:"must NOT have more than 20 items"});
errors++;
}
var len0 = data.length;
for(var i0=0; i0<len0; i0++){
var data0 = data[i0];
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
}
else {
vErrors = report(vErrors, {path:"/" + i0,keyword:"type",message:"must be object"});
errors++;
}
}
}
return errors === 0 ? null : vErrors;
}

function updateThread$field$draft_bcc(data){
var issues = validate29$op(data);
updateThread$field$draft_bcc.errors = issues;
return issues === null;
}

function validate29$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if((typeof data !== "string") && (data !== null)){
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be string or null"});
errors++;
}
if(typeof data === "string"){
if(data.length > 4096 && func1$op(data) > 4096){
vErrors = report(vErrors, {path:"",keyword:"maxLength",message:"must NOT have more than 4096 characters"});
errors++;
}
}
return errors === 0 ? null : vErrors;
}

function updateThread$field$draft_body_html(data){
var issues = validate30$op(data);
updateThread$field$draft_body_html.errors = issues;
return issues === null;
}

function validate30$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if((typeof data !== "string") && (data !== null)){
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be string or null"});
errors++;
}
return errors === 0 ? null : vErrors;
}

function updateThread$field$draft_subject(data){
var issues = validate31$op(data);
updateThread$field$draft_subject.errors = issues;
return issues === null;
}

function validate31$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if((typeof data !== "string") && (data !== null)){
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be string or null"});
errors++;
}
if(typeof data === "string"){
if(data.length > 998 && func1$op(data) > 998){
vErrors = report(vErrors, {path:"",keyword:"maxLength",message:"must NOT have more than 998 characters"});
errors++;
}
}
return errors === 0 ? null : vErrors;
}

function updateThread$field$participant_email(data){
var issues = validate32$op(data);
updateThread$field$participant_email.errors = issues;
return issues === null;
}

function validate32$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if(typeof data === "string"){
if(data.length > 254 && func1$op(data) > 254){
vErrors = report(vErrors, {path:"",keyword:"maxLength",message:"must NOT have more than 254 characters"});
errors++;
}
if(!(formats8$op.test(data))){
vErrors = report(vErrors, {path:"",keyword:"format",message:"must match format \"email\""});
errors++;
}
}
else {
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be string"});
errors++;
}
return errors === 0 ? null : vErrors;
}

function updateThread$field$participant_name(data){
var issues = validate33$op(data);
updateThread$field$participant_name.errors = issues;
return issues === null;
}

function validate33$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if(typeof data === "string"){
if(data.length > 256 && func1$op(data) > 256){
vErrors = report(vErrors, {path:"",keyword:"maxLength",message:"must NOT have more than 256 characters"});
errors++;
}
}
else {
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be string"});
errors++;
}
return errors === 0 ? null : vErrors;
}

function updateThread$response$200(data){
var issues = validate20$op(data);
updateThread$response$200.errors = issues;
return issues === null;
}

function validate11$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.draft_attachments !== undefined){
var data0 = data.draft_attachments;
if((!(Array.isArray(data0))) && (data0 !== null)){
vErrors = report(vErrors, {path:"/draft_attachments",keyword:"type",message:"must be array or null"});
errors++;
}
if(Array.isArray(data0)){
var len0 = data0.length;
for(var i0=0; i0<len0; i0++){
var data1 = data0[i0];
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
}
else {
vErrors = report(vErrors, {path:"/draft_attachments/" + i0,keyword:"type",message:"must be object"});
errors++;
}
}
}
}
if(data.draft_bcc !== undefined){
var data2 = data.draft_bcc;
if((typeof data2 !== "string") && (data2 !== null)){
vErrors = report(vErrors, {path:"/draft_bcc",keyword:"type",message:"must be string or null"});
errors++;
}
}
if(data.draft_body_html !== undefined){
var data3 = data.draft_body_html;
if((typeof data3 !== "string") && (data3 !== null)){
vErrors = report(vErrors, {path:"/draft_body_html",keyword:"type",message:"must be string or null"});
errors++;
}
}
if(data.draft_body_text !== undefined){
var data4 = data.draft_body_text;
if((typeof data4 !== "string") && (data4 !== null)){
vErrors = report(vErrors, {path:"/draft_body_text",keyword:"type",message:"must be string or null"});
errors++;
}
}
if(data.draft_cc !== undefined){
var data5 = data.draft_cc;
if((typeof data5 !== "string") && (data5 !== null)){
vErrors = report(vErrors, {path:"/draft_cc",keyword:"type",message:"must be string or null"});
errors++;
}
}
if(data.draft_subject !== undefined){
var data6 = data.draft_subject;
if((typeof data6 !== "string") && (data6 !== null)){
vErrors = report(vErrors, {path:"/draft_subject",keyword:"type",message:"must be string or null"});
errors++;
}
}
}
else {
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be object"});
errors++;
}
return errors === 0 ? null : vErrors;
}


function validate9$op(data){
"use strict";
var vErrors = null;
var errors = 0;
var issues2 = validate2$op(data);
if(issues2 !== null){
vErrors = joined(vErrors, issues2);
errors = vErrors.length;
}
var issues3 = validate11$op(data);
if(issues3 !== null){
vErrors = joined(vErrors, issues3);
errors = vErrors.length;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
vErrors = report(vErrors, {path:"/id",keyword:"required",message:"is required"});
errors++;
}
if(data.status === undefined){
vErrors = report(vErrors, {path:"/status",keyword:"required",message:"is required"});
errors++;
}
}
else {
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be object"});
errors++;
}
return errors === 0 ? null : vErrors;
}


function validate20$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.thread === undefined){
vErrors = report(vErrors, {path:"/thread",keyword:"required",message:"is required"});
errors++;
}
if(data.thread !== undefined){
var issues4 = validate9$op(data.thread);
if(issues4 !== null){
vErrors = prefixed(vErrors, issues4, "/thread");
errors = vErrors.length;
}
}
}
else {
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be object"});
errors++;
}
return errors === 0 ? null : vErrors;
}

function updateThread$response$409(data){
var issues = validate6$op(data);
updateThread$response$409.errors = issues;
return issues === null;
}

function validate6$op(data){
"use strict";
var vErrors = null;
var errors = 0;
if(!(data && typeof data == "object" && !Array.isArray(data))){
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be object"});
errors++;
}
var issues5 = validate7$op(data);
if(issues5 !== null){
vErrors = joined(vErrors, issues5);
errors = vErrors.length;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.existing_thread === undefined){
vErrors = report(vErrors, {path:"/existing_thread",keyword:"required",message:"is required"});
errors++;
}
if(data.existing_thread !== undefined){
var issues6 = validate9$op(data.existing_thread);
if(issues6 !== null){
vErrors = prefixed(vErrors, issues6, "/existing_thread");
errors = vErrors.length;
}
}
}
else {
vErrors = report(vErrors, {path:"",keyword:"type",message:"must be object"});
errors++;
}
return errors === 0 ? null : vErrors;
}
const updateConversation$response$401 = updateConversation$response$400;
const updateConversation$response$404 = updateConversation$response$400;
const updateConversation$response$413 = updateConversation$response$400;
const updateConversation$response$415 = updateConversation$response$400;
const updateThread$params = updateConversation$params;
const updateThread$field$draft_body_text = updateThread$field$draft_body_html;
const updateThread$field$draft_cc = updateThread$field$draft_bcc;
const updateThread$field$status = updateConversation$field$status;
const updateThread$field$unread_count = updateConversation$field$unread_count;
const updateThread$response$400 = updateConversation$response$400;
const updateThread$response$401 = updateConversation$response$400;
const updateThread$response$404 = updateConversation$response$400;
const updateThread$response$413 = updateConversation$response$400;
const updateThread$response$415 = updateConversation$response$400;
const updateConversation$params$issues = validate24$op;
const updateConversation$request$issues = validate16$op;
const updateConversation$response$200$issues = validate17$op;
const updateConversation$response$400$issues = validate7$op;
const updateConversation$response$401$issues = validate7$op;
const updateConversation$response$404$issues = validate7$op;
const updateConversation$response$413$issues = validate7$op;
const updateConversation$response$415$issues = validate7$op;
const updateThread$params$issues = validate24$op;
const updateThread$request$issues = validate19$op;
const updateThread$response$200$issues = validate20$op;
const updateThread$response$400$issues = validate7$op;
const updateThread$response$401$issues = validate7$op;
const updateThread$response$404$issues = validate7$op;
const updateThread$response$409$issues = validate6$op;
const updateThread$response$413$issues = validate7$op;
const updateThread$response$415$issues = validate7$op;

export const schemas = /* @__PURE__ */ Object.freeze({
  "Channel": validateChannel,
  "Conversation": validateConversation,
  "ConversationRow": validateConversationRow,
  "ConversationStatus": validateConversationStatus,
  "DraftAttachment": validateDraftAttachment,
  "DuplicateThreadProblem": validateDuplicateThreadProblem,
  "Problem": validateProblem,
  "StatusUpdate": validateStatusUpdate,
  "Thread": validateThread,
  "ThreadDraft": validateThreadDraft,
  "UnreadCount": validateUnreadCount,
  "UpdateConversationRequest": validateUpdateConversationRequest,
  "UpdateConversationResponse": validateUpdateConversationResponse,
  "UpdateThreadRequest": validateUpdateThreadRequest,
  "UpdateThreadResponse": validateUpdateThreadResponse,
  "Uuid": validateUuid,
  "ValidationError": validateValidationError,
});
export const operationIds = /* @__PURE__ */ Object.freeze(["updateConversation","updateThread"]);
export const responseStatuses = /* @__PURE__ */ Object.freeze({
  "updateConversation": /* @__PURE__ */ Object.freeze(["200","400","401","404","413","415"]),
  "updateThread": /* @__PURE__ */ Object.freeze(["200","400","401","404","409","413","415"]),
});
export const patternRules = /* @__PURE__ */ Object.freeze({
  "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$": "must be a UUID as 8-4-4-4-12 hex digits (no urn:uuid: prefix)",
  "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$": "must be a UUID as 8-4-4-4-12 hex digits, its 13th digit (the version) 1 to 8 and its 17th (the variant) 8, 9, a or b, or the nil UUID (all 0) or the max UUID in lower case (all f)",
  "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$": "must be an RFC 3339 date-time: YYYY-MM-DDThh:mm:ss, an optional fraction, then Z or an offset with its colon (+05:30)",
});
export const bodyLimits = /* @__PURE__ */ Object.freeze({
  "updateConversation": /* @__PURE__ */ Object.freeze({"maxBodyBytes":1048576,"maxBodyDepth":64}),
  "updateThread": /* @__PURE__ */ Object.freeze({"maxBodyBytes":1048576,"maxBodyDepth":64}),
});
export const operations = /* @__PURE__ */ Object.freeze({
  "updateConversation": /* @__PURE__ */ Object.freeze({
    pathParams: updateConversation$params,
    requestBody: updateConversation$request,
    requestFields: /* @__PURE__ */ Object.freeze({
      "status": /* @__PURE__ */ Object.freeze({ validate: updateConversation$field$status, transform: null }),
      "unread_count": /* @__PURE__ */ Object.freeze({ validate: updateConversation$field$unread_count, transform: null }),
    }),
    normalize: /* @__PURE__ */ Object.freeze({"unknownProperties":"drop","invalidProperties":"drop","minValidProperties":1,"emptyStatus":400,"maxErrors":100,"maxDepth":64}),
    responses: /* @__PURE__ */ Object.freeze({
      "200": updateConversation$response$200,
      "400": updateConversation$response$400,
      "401": updateConversation$response$401,
      "404": updateConversation$response$404,
      "413": updateConversation$response$413,
      "415": updateConversation$response$415,
    }),
  }),
  "updateThread": /* @__PURE__ */ Object.freeze({
    pathParams: updateThread$params,
    requestBody: updateThread$request,
    requestFields: /* @__PURE__ */ Object.freeze({
      "account_id": /* @__PURE__ */ Object.freeze({ validate: updateThread$field$account_id, transform: null }),
      "draft_attachments": /* @__PURE__ */ Object.freeze({ validate: updateThread$field$draft_attachments, transform: null }),
      "draft_bcc": /* @__PURE__ */ Object.freeze({ validate: updateThread$field$draft_bcc, transform: null }),
      "draft_body_html": /* @__PURE__ */ Object.freeze({ validate: updateThread$field$draft_body_html, transform: null }),
      "draft_body_text": /* @__PURE__ */ Object.freeze({ validate: updateThread$field$draft_body_text, transform: null }),
      "draft_cc": /* @__PURE__ */ Object.freeze({ validate: updateThread$field$draft_cc, transform: null }),
      "draft_subject": /* @__PURE__ */ Object.freeze({ validate: updateThread$field$draft_subject, transform: null }),
      "participant_email": /* @__PURE__ */ Object.freeze({ validate: updateThread$field$participant_email, transform: "lowercase" }),
      "participant_name": /* @__PURE__ */ Object.freeze({ validate: updateThread$field$participant_name, transform: null }),
      "status": /* @__PURE__ */ Object.freeze({ validate: updateThread$field$status, transform: null }),
      "unread_count": /* @__PURE__ */ Object.freeze({ validate: updateThread$field$unread_count, transform: null }),
    }),
    normalize: /* @__PURE__ */ Object.freeze({"unknownProperties":"drop","invalidProperties":"drop","minValidProperties":1,"emptyStatus":400,"maxErrors":100,"maxDepth":64}),
    responses: /* @__PURE__ */ Object.freeze({
      "200": updateThread$response$200,
      "400": updateThread$response$400,
      "401": updateThread$response$401,
      "404": updateThread$response$404,
      "409": updateThread$response$409,
      "413": updateThread$response$413,
      "415": updateThread$response$415,
    }),
  }),
});
/** An operation's request body: `{ valid: true, value }` or `{ valid: false, errors }` (issues before merging); null when it takes no body, undefined for an unknown id. */
export function checkRequestBody(operationId, body) {
  var issues;
  switch (operationId) {
    case "updateConversation":
      issues = updateConversation$request$issues(body);
      break;
    case "updateThread":
      issues = updateThread$request$issues(body);
      break;
    default:
      return undefined;
  }
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** An operation's path parameters, as checkRequestBody; undefined for an unknown id. */
export function checkPathParams(operationId, params) {
  var issues;
  switch (operationId) {
    case "updateConversation":
      issues = updateConversation$params$issues(params);
      break;
    case "updateThread":
      issues = updateThread$params$issues(params);
      break;
    default:
      return undefined;
  }
  return issues === null ? { valid: true, value: params } : { valid: false, errors: issues };
}
/** A documented response's body (`status` a string), as checkRequestBody; null when that response has no body, undefined when not documented. */
export function checkResponseBody(operationId, status, body) {
  var issues;
  switch (operationId) {
    case "updateConversation":
      switch (status) {
        case "200":
          issues = updateConversation$response$200$issues(body);
          break;
        case "400":
          issues = updateConversation$response$400$issues(body);
          break;
        case "401":
          issues = updateConversation$response$401$issues(body);
          break;
        case "404":
          issues = updateConversation$response$404$issues(body);
          break;
        case "413":
          issues = updateConversation$response$413$issues(body);
          break;
        case "415":
          issues = updateConversation$response$415$issues(body);
          break;
        default:
          return undefined;
      }
      break;
    case "updateThread":
      switch (status) {
        case "200":
          issues = updateThread$response$200$issues(body);
          break;
        case "400":
          issues = updateThread$response$400$issues(body);
          break;
        case "401":
          issues = updateThread$response$401$issues(body);
          break;
        case "404":
          issues = updateThread$response$404$issues(body);
          break;
        case "409":
          issues = updateThread$response$409$issues(body);
          break;
        case "413":
          issues = updateThread$response$413$issues(body);
          break;
        case "415":
          issues = updateThread$response$415$issues(body);
          break;
        default:
          return undefined;
      }
      break;
    default:
      return undefined;
  }
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** UpdateConversation's request body, as checkRequestBody (issues before merging). */
export function checkUpdateConversationRequest(body) {
  var issues = updateConversation$request$issues(body);
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** UpdateConversation's path parameters, as checkRequestBody (issues before merging). */
export function checkUpdateConversationParams(params) {
  var issues = updateConversation$params$issues(params);
  return issues === null ? { valid: true, value: params } : { valid: false, errors: issues };
}
/** The body of updateConversation's 200 response, as checkRequestBody (issues before merging). */
export function checkUpdateConversationResponse200(body) {
  var issues = updateConversation$response$200$issues(body);
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** The body of updateConversation's 400 response, as checkRequestBody (issues before merging). */
export function checkUpdateConversationResponse400(body) {
  var issues = updateConversation$response$400$issues(body);
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** The body of updateConversation's 401 response, as checkRequestBody (issues before merging). */
export function checkUpdateConversationResponse401(body) {
  var issues = updateConversation$response$401$issues(body);
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** The body of updateConversation's 404 response, as checkRequestBody (issues before merging). */
export function checkUpdateConversationResponse404(body) {
  var issues = updateConversation$response$404$issues(body);
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** The body of updateConversation's 413 response, as checkRequestBody (issues before merging). */
export function checkUpdateConversationResponse413(body) {
  var issues = updateConversation$response$413$issues(body);
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** The body of updateConversation's 415 response, as checkRequestBody (issues before merging). */
export function checkUpdateConversationResponse415(body) {
  var issues = updateConversation$response$415$issues(body);
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** UpdateThread's request body, as checkRequestBody (issues before merging). */
export function checkUpdateThreadRequest(body) {
  var issues = updateThread$request$issues(body);
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** UpdateThread's path parameters, as checkRequestBody (issues before merging). */
export function checkUpdateThreadParams(params) {
  var issues = updateThread$params$issues(params);
  return issues === null ? { valid: true, value: params } : { valid: false, errors: issues };
}
/** The body of updateThread's 200 response, as checkRequestBody (issues before merging). */
export function checkUpdateThreadResponse200(body) {
  var issues = updateThread$response$200$issues(body);
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** The body of updateThread's 400 response, as checkRequestBody (issues before merging). */
export function checkUpdateThreadResponse400(body) {
  var issues = updateThread$response$400$issues(body);
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** The body of updateThread's 401 response, as checkRequestBody (issues before merging). */
export function checkUpdateThreadResponse401(body) {
  var issues = updateThread$response$401$issues(body);
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** The body of updateThread's 404 response, as checkRequestBody (issues before merging). */
export function checkUpdateThreadResponse404(body) {
  var issues = updateThread$response$404$issues(body);
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** The body of updateThread's 409 response, as checkRequestBody (issues before merging). */
export function checkUpdateThreadResponse409(body) {
  var issues = updateThread$response$409$issues(body);
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** The body of updateThread's 413 response, as checkRequestBody (issues before merging). */
export function checkUpdateThreadResponse413(body) {
  var issues = updateThread$response$413$issues(body);
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
/** The body of updateThread's 415 response, as checkRequestBody (issues before merging). */
export function checkUpdateThreadResponse415(body) {
  var issues = updateThread$response$415$issues(body);
  return issues === null ? { valid: true, value: body } : { valid: false, errors: issues };
}
