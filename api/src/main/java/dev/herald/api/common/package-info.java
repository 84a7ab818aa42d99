/** What every resource shares: JSON body parsing, paging shapes, error mapping, body limits. */
package dev.herald.api.common;
