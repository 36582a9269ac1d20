/**
 * 居民 residents: the personal records (name, phone, masked ID number, address, 关爱对象 care
 * tags such as 空巢老人 empty-nest elderly or 残疾人 disabled) that grid workers keep for the
 * households of their grids. Personal information under PIPL: only the grid workers of the
 * resident's grid and admins see a record, lists mask phones, every read of a full record is
 * audited, and everyone else sees only counts — of vulnerable households, suppressed below five.
 */
package org.partymap.resident;
