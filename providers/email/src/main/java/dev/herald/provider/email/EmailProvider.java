package dev.herald.provider.email;

import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends a batch over one SMTP connection (connecting per mail is a hundred times slower). SMTP
 * blocks, so batches run on the provider's own few threads; that also bounds the connections.
 */
final class EmailProvider implements DeliveryProvider {

  private static final Logger LOG = Logger.getLogger(EmailProvider.class.getName());

  private final Session session;
  private final String protocol;
  private final String user;
  private final String password;
  private final EmailMessages messages;
  private final ExecutorService threads;

  EmailProvider(
      Session session,
      String protocol,
      String user,
      String password,
      EmailMessages messages,
      int threads) {
    this.session = session;
    this.protocol = protocol;
    this.user = user;
    this.password = password;
    this.messages = messages;
    this.threads =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              var thread = new Thread(runnable, "herald-email");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public int maxBatchSize() {
    return 100;
  }

  @Override
  public CompletionStage<List<DeliveryResult>> send(List<Delivery> batch) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return sendOverOneConnection(batch);
          } catch (MessagingException e) {
            throw new IllegalStateException("SMTP connection failed: " + e.getMessage(), e);
          }
        },
        threads);
  }

  private List<DeliveryResult> sendOverOneConnection(List<Delivery> batch)
      throws MessagingException {
    var results = new ArrayList<DeliveryResult>(batch.size());
    var transport = session.getTransport(protocol);
    transport.connect(user, password);
    try {
      for (var delivery : batch) {
        // Once the connection is lost, the rest of the batch waits for the next attempt.
        results.add(
            transport.isConnected()
                ? sendOne(transport, delivery)
                : new DeliveryResult.RetryLater(null, "SMTP connection lost"));
      }
    } finally {
      closeQuietly(transport);
    }
    return results;
  }

  /**
   * The results stand once the messages are sent: a connection that breaks at QUIT must not turn
   * them into a failed batch, which would send every one of them again.
   */
  private static void closeQuietly(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException e) {
      LOG.log(Level.FINE, "Closing an SMTP connection failed", e);
    }
  }

  private DeliveryResult sendOne(Transport transport, Delivery delivery) {
    MimeMessage message;
    try {
      message = messages.of(delivery);
    } catch (AddressException e) {
      return new DeliveryResult.InvalidRecipient(null, "not an e-mail address: " + e.getMessage());
    } catch (MessagingException e) {
      return new DeliveryResult.Rejected("message could not be built: " + e.getMessage());
    }
    try {
      transport.sendMessage(message, message.getAllRecipients());
      return new DeliveryResult.Delivered(message.getMessageID());
    } catch (SendFailedException e) {
      return failure(e);
    } catch (MessagingException | IllegalStateException e) {
      // IllegalStateException: the connection was lost since the last message.
      return new DeliveryResult.RetryLater(null, e.getMessage());
    }
  }

  /** A 5xx for the recipient means the address is bad; a 4xx means try again later. */
  static DeliveryResult failure(SendFailedException e) {
    for (Exception next = e; next != null; next = nextOf(next)) {
      if (next instanceof SMTPAddressFailedException address) {
        return byCode(address.getReturnCode(), address.getMessage());
      }
      if (next instanceof SMTPSendFailedException send) {
        return byCode(send.getReturnCode(), send.getMessage());
      }
    }
    var invalid = e.getInvalidAddresses();
    return invalid != null && invalid.length > 0
        ? new DeliveryResult.InvalidRecipient(null, e.getMessage())
        : new DeliveryResult.RetryLater(null, e.getMessage());
  }

  private static DeliveryResult byCode(int code, String message) {
    var reason = message == null ? "SMTP " + code : message.trim();
    if (code >= 500) {
      return new DeliveryResult.InvalidRecipient(null, reason);
    }
    return new DeliveryResult.RetryLater(null, reason);
  }

  private static Exception nextOf(Exception e) {
    return e instanceof MessagingException m ? m.getNextException() : null;
  }

  @Override
  public void close() {
    threads.shutdown();
    try {
      threads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
